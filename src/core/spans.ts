/**
 * Containment queries over a set of ranges in O(log n) each: "is [start, end)
 * inside one of these spans?" (quotation marks, allow-listed phrases). A scan
 * of every span per query would make texts with many spans and many findings
 * quadratic.
 */
import { steps } from './steps.js';

/** Spans sorted by start with the running maximum of their ends. */
export interface SpanCover {
  starts: Int32Array;
  maxEnd: Int32Array;
}

/** Builds the cover of `[start, end)` spans (any order, overlaps allowed). */
export function spanCover(spans: ReadonlyArray<readonly [number, number]>): SpanCover {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const starts = new Int32Array(sorted.length);
  const maxEnd = new Int32Array(sorted.length);
  let m = -1;
  for (let i = 0; i < sorted.length; i++) {
    const [a, b] = sorted[i] as readonly [number, number];
    starts[i] = a;
    m = Math.max(m, b);
    maxEnd[i] = m;
  }
  if (steps.on) steps.n += sorted.length;
  return { starts, maxEnd };
}

/** Whether some span `[a, b)` has `a <= start` and `end <= b`. */
export function covered(c: SpanCover, start: number, end: number): boolean {
  // the last span starting at or before `start`: among those, the largest end decides
  let lo = 0;
  let hi = c.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((c.starts[mid] as number) <= start) lo = mid + 1;
    else hi = mid;
  }
  if (steps.on) steps.n++; // one step per query: the binary search is O(log n), counted as constant
  return lo > 0 && (c.maxEnd[lo - 1] as number) >= end;
}
