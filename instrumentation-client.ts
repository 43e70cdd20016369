// Runs in the browser before the app's own code. Zod compiles object schemas with new Function()
// unless told not to, and probes for eval first; the pages' Content-Security-Policy refuses eval
// (lib/http/security-headers.ts), so the probe would be reported as a violation. Zod reads this
// shared object wherever it is loaded from, before or after this line.
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig ??= {};
holder.__zod_globalConfig.jitless = true;
