/** One step of a line diff: a line kept (`a` in the old list, `b` in the new), deleted (`a`) or inserted (`b`). */
export type DiffStep = { type: "equal"; a: number; b: number } | { type: "delete"; a: number } | { type: "insert"; b: number };

/**
 * A shortest edit script between two lists of lines (Myers' O((N+M)·D) algorithm after trimming the
 * common start and end), so that an edit of a few lines in a long file costs little.
 *
 * @example
 * diffLines(["a", "b", "c"], ["a", "c", "d"]);
 * // [{ type: "equal", a: 0, b: 0 }, { type: "delete", a: 1 }, { type: "equal", a: 2, b: 1 }, { type: "insert", b: 2 }]
 */
export function diffLines(a: readonly string[], b: readonly string[]): DiffStep[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const head: DiffStep[] = Array.from({ length: start }, (_, index) => ({ type: "equal", a: index, b: index }));
  const tail: DiffStep[] = Array.from({ length: a.length - endA }, (_, index) => ({ type: "equal", a: endA + index, b: endB + index }));
  return [...head, ...myers(a, b, start, endA, start, endB), ...tail];
}

function myers(a: readonly string[], b: readonly string[], a0: number, a1: number, b0: number, b1: number): DiffStep[] {
  const n = a1 - a0;
  const m = b1 - b0;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = max === 0;
  for (let d = 0; d <= max && !found; d += 1) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0)) ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m) to (0, 0).
  const steps: DiffStep[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d -= 1) {
    const row = trace[d] ?? v;
    const k = x - y;
    const down = k === -d || (k !== d && (row[offset + k - 1] ?? 0) < (row[offset + k + 1] ?? 0));
    const previousK = down ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : (row[offset + previousK] ?? 0);
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY && x > 0 && y > 0) {
      steps.push({ type: "equal", a: a0 + x - 1, b: b0 + y - 1 });
      x -= 1;
      y -= 1;
    }
    if (d === 0) break;
    if (down) steps.push({ type: "insert", b: b0 + y - 1 });
    else steps.push({ type: "delete", a: a0 + x - 1 });
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    steps.push({ type: "equal", a: a0 + x - 1, b: b0 + y - 1 });
    x -= 1;
    y -= 1;
  }
  return steps.reverse();
}
