import { describe, expect, it } from "vitest";
import type { NodePart } from "./locate.js";
import { parseSource } from "./parse.js";
import { formatRange } from "./test-summary.js";

const lines = [
  "apiVersion: onething/v1", // 1
  "kind: Checklist", // 2
  "metadata:", // 3
  "  id: cn.example", // 4
  "  title: { zh: 新生儿出生一件事, en: Newborn birth }", // 5
  "spec:", // 6
  "  matters:", // 7
  "    - id: newborn-birth", // 8
  "      name: { zh: 出生, en: Birth }", // 9
  "      items:", // 10
  "        - { ref: item.a }", // 11
  "        - ref: item.b", // 12
  "  a/b: slash", // 13
  "  m~n: tilde", // 14
  "  empty:", // 15
  "  block:", // 16
  "    x: 1", // 17
  "  note: 🎉🎉 end", // 18
  "  lead: &l { x: 1 }", // 19
  "  use: *l", // 20
];

/** pointer, part, expected line:col span, and the text that span covers. */
const table: Array<[string, NodePart | undefined, string, string]> = [
  ["/kind", undefined, "2:1-2:5", "kind"],
  ["/kind", "key", "2:1-2:5", "kind"],
  ["/kind", "value", "2:7-2:16", "Checklist"],
  ["/metadata/id", "value", "4:7-4:17", "cn.example"],
  ["/metadata/title/en", "key", "5:26-5:28", "en"],
  ["/metadata/title/en", "value", "5:30-5:43", "Newborn birth"],
  ["/metadata/title/zh", "value", "5:16-5:24", "新生儿出生一件事"],
  ["/metadata/title", "value", "5:10-5:45", "{ zh: 新生儿出生一件事, en: Newborn birth }"],
  ["/spec/matters/0/name/en", "value", "9:27-9:32", "Birth"],
  ["/spec/matters/0", "key", "8:7-12:22", "id: newborn-birth\n      name: { zh: 出生, en: Birth }\n      items:\n        - { ref: item.a }\n        - ref: item.b"],
  ["/spec/matters/0/items/0", "value", "11:11-11:26", "{ ref: item.a }"],
  ["/spec/matters/0/items/1/ref", "key", "12:11-12:14", "ref"],
  ["/spec/matters/0/items/1/ref", "value", "12:16-12:22", "item.b"],
  ["/spec/a~1b", "key", "13:3-13:6", "a/b"],
  ["/spec/m~0n", "value", "14:8-14:13", "tilde"],
  ["/spec/empty", "value", "15:3-15:8", "empty"],
  ["/spec/block", "value", "17:5-17:9", "x: 1"],
  ["/spec/note", "value", "18:9-18:17", "🎉🎉 end"],
  ["/spec/use/x", "value", "19:17-19:18", "1"],
  ["/spec/use", "value", "20:8-20:10", "*l"],
  ["/metadata/missing", "value", "3:1-3:9", "metadata"],
  ["/metadata/title/fr/deeper", "key", "5:3-5:8", "title"],
  ["/spec/matters/5", "value", "7:3-7:10", "matters"],
  ["/spec/matters/01", "value", "7:3-7:10", "matters"],
  ["/spec/matters/0/nothing", "key", "8:7-12:22", "id: newborn-birth\n      name: { zh: 出生, en: Birth }\n      items:\n        - { ref: item.a }\n        - ref: item.b"],
  ["/spec/a/b", "key", "6:1-6:5", "spec"],
  ["/kind/0", "value", "2:1-2:5", "kind"],
];

const variants: Array<[string, string]> = [
  ["LF", lines.join("\n") + "\n"],
  ["CRLF", lines.join("\r\n") + "\r\n"],
  ["BOM", "\uFEFF" + lines.join("\n") + "\n"],
  ["BOM + CRLF", "\uFEFF" + lines.join("\r\n") + "\r\n"],
];

describe.each(variants)("locate() with %s", (_name, text) => {
  const { document, diagnostics } = parseSource({ path: "locate.yaml", text });

  it("parses cleanly", () => {
    expect(diagnostics).toEqual([]);
    expect(document).toBeDefined();
  });

  it.each(table)("%s (%s) → %s", (pointer, part, expected, covered) => {
    const range = document?.locate(pointer, part);
    expect(formatRange(range)).toBe(expected);
    const slice = text.slice(range?.start.offset, range?.end.offset).replaceAll("\r\n", "\n");
    expect(slice).toBe(covered);
  });

  it("gives the whole root for the empty pointer and for a malformed one", () => {
    const root = document?.locate("");
    expect(root?.start).toMatchObject({ line: 1, column: 1 });
    expect(root?.end).toMatchObject({ line: 20, column: 10 });
    expect(document?.locate("no-leading-slash")).toEqual(root);
    expect(document?.locate("/nope")).toEqual(root);
  });
});

it("gives offsets that count every UTF-16 code unit before the position", () => {
  const { document } = parseSource({ path: "a.yaml", text: lines.join("\n") });
  expect(document?.locate("/spec/note", "value")?.start).toEqual({ line: 18, column: 9, offset: lines.slice(0, 17).join("\n").length + 9 });
});
