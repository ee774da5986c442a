import { describe, expect, it } from "vitest";
import { applyEdit } from "./yaml-edit.js";

const SOURCE = `# a comment that must survive
spec:
  matters:
    - id: a   # trailing comment
      name: { zh: 甲, en: A }
      promisedTime: { value: 20, unit: workday }
      note: "quoted"
      z: 1
      b: 2
`;

function changed(before: string, after: string): string[] {
  const a = before.split("\n");
  const b = after.split("\n");
  return b.filter((line, index) => line !== a[index]);
}

describe("applyEdit", () => {
  it.each([
    [["spec", "matters", 0, "promisedTime", "value"], 5, "      promisedTime: { value: 5, unit: workday }"],
    [["spec", "matters", 0, "name", "zh"], "新生儿: 出生", '      name: { zh: "新生儿: 出生", en: A }'],
    [["spec", "matters", 0, "note"], "still quoted", '      note: "still quoted"'],
    [["spec", "matters", 0, "id"], "b", "    - id: b   # trailing comment"],
  ])("changes only the line of %j", (path, value, line) => {
    const result = applyEdit({ text: SOURCE, path, value });
    expect(result.ok).toBe(true);
    if (result.ok) expect(changed(SOURCE, result.text)).toEqual([line]);
  });

  it("keeps a byte-order mark", () => {
    const result = applyEdit({ text: `\uFEFF${SOURCE}`, path: ["spec", "matters", 0, "z"], value: 3 });
    expect(result.ok && result.text.startsWith("\uFEFF# a comment")).toBe(true);
  });

  it("adds and removes keys keeping the other lines", () => {
    const added = applyEdit({ text: SOURCE, path: ["spec", "matters", 0, "status"], value: "landed" });
    expect(added.ok && added.text).toBe(SOURCE.replace("      b: 2\n", "      b: 2\n      status: landed\n"));
    const removed = applyEdit({ text: SOURCE, path: ["spec", "matters", 0, "note"], value: undefined });
    expect(removed.ok && removed.text).toBe(SOURCE.replace('      note: "quoted"\n', ""));
  });

  it("refuses to replace a collection and a broken text, without throwing", () => {
    expect(applyEdit({ text: SOURCE, path: ["spec", "matters"], value: "x" }).ok).toBe(false);
    expect(applyEdit({ text: "a: [", path: ["a"], value: "x" }).ok).toBe(false);
  });
});
