// A registrant's or organiser's seat move is retried whole when PostgreSQL broke a deadlock by
// aborting it, or when the registration changed between the plan and its locks; anything else, and
// the last attempt's failure, reaches the caller.
import { describe, expect, it } from 'vitest';
import { RegistrationChangedMeanwhile, retryingDeadlocks } from '@/lib/registration/deadlock-retry';

const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });
/** The driver's error wrapped the way drizzle wraps it: the code `levels` causes down. */
const wrapped = (levels: number) => {
  let error: Error = deadlock();
  for (let i = 0; i < levels; i++) error = Object.assign(new Error(`wrapper ${i}`), { cause: error });
  return error;
};

/** Runs `retryingDeadlocks` over attempts that fail with `failures` in turn, then succeed; returns what it did. */
async function attempts(failures: unknown[], max?: number) {
  let calls = 0;
  try {
    const value = await retryingDeadlocks(async () => {
      calls += 1;
      if (calls <= failures.length) throw failures[calls - 1];
      return 'done';
    }, max);
    return { calls, value };
  } catch (error) {
    return { calls, error };
  }
}

describe('retryingDeadlocks', () => {
  it('answers at once when the first attempt succeeds', async () => {
    expect(await attempts([])).toEqual({ calls: 1, value: 'done' });
  });

  it('tries again after a deadlock, found however deep the driver wrapped it (up to five levels)', async () => {
    expect(await attempts([deadlock()])).toEqual({ calls: 2, value: 'done' });
    expect(await attempts([wrapped(1), wrapped(4)])).toEqual({ calls: 3, value: 'done' });
    const tooDeep = wrapped(5);
    expect(await attempts([tooDeep])).toEqual({ calls: 1, error: tooDeep });
  });

  it('tries again when the registration changed between the plan and its locks', async () => {
    const changed = new RegistrationChangedMeanwhile();
    expect(changed.message).toBe('the registration changed while its seats were being locked');
    expect(await attempts([changed, new RegistrationChangedMeanwhile()])).toEqual({ calls: 3, value: 'done' });
  });

  it('gives up after the last attempt (five unless told) with that attempt’s error', async () => {
    const five = [deadlock(), deadlock(), deadlock(), deadlock(), deadlock()];
    expect(await attempts(five)).toEqual({ calls: 5, error: five[4] });
    expect(await attempts(five.slice(0, 4))).toEqual({ calls: 5, value: 'done' });
    const two = [deadlock(), new RegistrationChangedMeanwhile()];
    expect(await attempts(two, 2)).toEqual({ calls: 2, error: two[1] });
    expect(await attempts([deadlock()], 1)).toEqual({ calls: 1, error: expect.objectContaining({ code: '40P01' }) });
  });

  it('passes any other failure on at once: another database error, a plain error, a value that is not an error', async () => {
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(await attempts([unique])).toEqual({ calls: 1, error: unique });
    const plain = new Error('boom');
    expect(await attempts([plain])).toEqual({ calls: 1, error: plain });
    expect(await attempts(['40P01'])).toEqual({ calls: 1, error: '40P01' });
    expect(await attempts([null])).toEqual({ calls: 1, error: null });
    const codeOnCauseString = Object.assign(new Error('wrapper'), { cause: '40P01' });
    expect(await attempts([codeOnCauseString])).toEqual({ calls: 1, error: codeOnCauseString });
  });
});
