export async function register() {
  // Nothing touches the database while `next build` runs.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { boot } = await import('./lib/server/boot');
  await boot();
}
