/**
 * The edit distance between two strings: insertions, deletions, substitutions and swaps of two neighbouring
 * characters cost 1 each (optimal string alignment).
 *
 * @example
 * editDistance("dept.nhc", "dept.hnc"); // 1: one swap
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (before[j - 2] ?? 0) + 1);
      current[j] = best;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `input`, when it is close enough to be a likely typo (at most a third of the
 * input's length, and at least 1, edits away, case ignored); undefined otherwise, and always for inputs of
 * one or two characters.
 *
 * @example
 * findNearest("dept.nch", ["dept.nhc", "dept.samr"]); // "dept.nhc"
 */
export function findNearest(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length <= 2) return undefined;
  const limit = Math.max(1, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  const lowered = input.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const distance = editDistance(lowered, candidate.toLowerCase());
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
