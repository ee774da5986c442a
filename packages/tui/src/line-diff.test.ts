import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffLines } from "./line-diff.js";

/** The length of a longest common subsequence, by dynamic programming (the reference). */
function lcs(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const row = table[i] as number[];
      row[j] = a[i] === b[j] ? (table[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(table[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  return table[0]?.[0] ?? 0;
}

describe("diffLines", () => {
  it("gives the example's script", () => {
    expect(diffLines(["a", "b", "c"], ["a", "c", "d"])).toEqual([
      { type: "equal", a: 0, b: 0 },
      { type: "delete", a: 1 },
      { type: "equal", a: 2, b: 1 },
      { type: "insert", b: 2 },
    ]);
  });

  it("is a valid edit script that keeps a longest common subsequence", () => {
    const lines = fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 14 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        let i = 0;
        let j = 0;
        let kept = 0;
        for (const step of diffLines(a, b)) {
          if (step.type === "equal") {
            expect([step.a, step.b, a[step.a]]).toEqual([i, j, b[step.b]]);
            i += 1;
            j += 1;
            kept += 1;
          } else if (step.type === "delete") {
            expect(step.a).toBe(i);
            i += 1;
          } else {
            expect(step.b).toBe(j);
            j += 1;
          }
        }
        expect([i, j, kept]).toEqual([a.length, b.length, lcs(a, b)]);
      }),
      { numRuns: 500 },
    );
  });
});
