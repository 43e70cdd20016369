import fs from 'node:fs';

/** User and system CPU time of a process so far, in ms (clock ticks of 10 ms). */
export function userAndSystemMs(pid: number): { user: number; system: number } {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
}

/** Busy and total CPU time of the whole machine so far, in ms (all cores). */
export function machineCpuMs(): { busy: number; total: number } {
  const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const values = ticks.map(Number);
  const idle = values[3]! + values[4]!; // idle + iowait
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - idle) * 10, total: total * 10 };
}

/** The share (0–1) of the machine's cores that were busy between two `machineCpuMs()` readings. */
export function machineBusyShare(before: { busy: number; total: number }, after: { busy: number; total: number }): number {
  return (after.busy - before.busy) / Math.max(1, after.total - before.total);
}

/** CPU time used so far by all PostgreSQL server processes on this machine, in ms. */
export function postgresCpuMs(): number {
  let ms = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes('(postgres)')) continue;
      const { user, system } = userAndSystemMs(Number(pid));
      ms += user + system;
    } catch {
      // ended meanwhile
    }
  }
  return ms;
}
