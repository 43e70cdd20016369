import fs from 'node:fs';
import * as m from '../bench/support/cpu-profile.ts';
const mod: any = (m as any).default ?? m;
const p = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8'));
console.log(mod.summariseCpuProfile(p, { top: 45 }));
