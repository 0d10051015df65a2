/**
 * Step counter for linearity tests: the core's loops that scan text or tokens
 * add their work here while counting is on, so a property test can assert
 * that the work grows linearly with the input (whatever the machine's speed).
 * Off by default: a disabled counter costs one predictable branch per loop.
 * Pure: no I/O, only a module-level tally.
 */
export const steps = { on: false, n: 0 };

/** Adds `k` steps when counting is on (call sites test `steps.on` first on hot paths). */
export function step(k = 1): void {
  if (steps.on) steps.n += k;
}

/** Runs `fn` with counting on and returns the steps it took. Not re-entrant. */
export function countSteps(fn: () => void): number {
  const was = steps.on;
  steps.on = true;
  steps.n = 0;
  try {
    fn();
    return steps.n;
  } finally {
    steps.on = was;
  }
}
