import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseSource, type SourceDocument } from "@onething/sdk";
import { locateInTree, readSubset, textRange } from "../src/commands/diff-locate.js";

// The subset reader stands in for the `yaml` parser when `onething diff` locates a change in an entry it did
// not parse whole: wherever it reads a text, every span it gives must be the parser's.

/** Every pointer into a parsed value, and a missing child of each. */
function pointersOf(value: unknown, pointer = ""): string[] {
  const out = [pointer, `${pointer}/missing`];
  if (Array.isArray(value)) value.forEach((element, index) => out.push(...pointersOf(element, `${pointer}/${index}`)));
  else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) out.push(...pointersOf(child, `${pointer}/${key}`));
  }
  return out;
}

const segmentsOf = (pointer: string) => (pointer === "" ? [] : pointer.slice(1).split("/"));

/** A block value of the generated entries. */
type Block = { scalar: string } | { map: Array<[string, Block | undefined]> } | { seq: Block[]; indentless: boolean };

const key = fc.stringMatching(/^[a-z][a-zA-Z0-9_-]{0,5}$/).map((name) => `k${name}`);
const word = fc.stringMatching(/^[a-z][a-z0-9.-]{0,8}$/);
const chinese = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x4fff }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 6 });
const plain = fc.oneof(word, chinese, fc.constantFrom("2028-12-23", "12", "0.5", "a b", "常务 副市长", "x#y", "a:b", "dept.ah.c340200.ps"));
const quoted = fc.oneof(
  fc.oneof(word, chinese, fc.constantFrom("a, b", "it's", 'say \\"hi\\"', "a: b", "[x]", "#", "")).map((text) => `"${text}"`),
  fc.constantFrom("it''s", "a, b", "x", "''").map((text) => `'${text}'`),
);
const { flow } = fc.letrec<{ flow: string; flowSeq: string; flowMap: string }>((tie) => ({
  flow: fc.oneof({ depthSize: "small" }, plain, quoted, tie("flowSeq"), tie("flowMap")),
  flowSeq: fc.array(tie("flow"), { maxLength: 3 }).map((items) => `[${items.join(", ")}]`),
  flowMap: fc.uniqueArray(fc.tuple(key, tie("flow")), { selector: ([name]) => name, maxLength: 3 }).map((items) => `{ ${items.map(([name, value]) => `${name}: ${value}`).join(", ")} }`),
}));
const comment = fc.constantFrom("", "", " # note", "   # 注释, with: colon");
const inline = fc.tuple(fc.oneof(plain, quoted, flow), comment).map(([value, note]) => value + note);
const { block } = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: "small" },
    inline.map((scalar) => ({ scalar })),
    fc.uniqueArray(fc.tuple(key, fc.option(tie("block"), { nil: undefined })), { selector: ([name]) => name, minLength: 1, maxLength: 4 }).map((map) => ({ map })),
    fc.tuple(fc.array(fc.oneof(inline.map((scalar) => ({ scalar })), tie("block").filter((child): child is { map: Array<[string, Block | undefined]> } => "map" in child)), { minLength: 1, maxLength: 3 }), fc.boolean()).map(([seq, indentless]) => ({ seq, indentless })),
  ),
}));
const entry = fc.uniqueArray(fc.tuple(key, fc.option(block, { nil: undefined })), { selector: ([name]) => name, minLength: 1, maxLength: 5 });
const extras = fc.array(fc.constantFrom("", "# a comment line", "  # indented comment"), { maxLength: 2 });

/** The lines of a mapping at `indent`; the first one after `lead` (a sequence's `- `) when given. */
function mappingLines(map: Array<[string, Block | undefined]>, indent: number, lead?: string): string[] {
  const lines: string[] = [];
  map.forEach(([name, value], index) => {
    const start = index === 0 && lead !== undefined ? lead : " ".repeat(indent);
    if (value === undefined) lines.push(`${start}${name}:`);
    else if ("scalar" in value) lines.push(`${start}${name}: ${value.scalar}`);
    else {
      lines.push(`${start}${name}:`);
      lines.push(...blockLines(value, "seq" in value && value.indentless ? indent : indent + 2));
    }
  });
  return lines;
}

function blockLines(value: Block, indent: number): string[] {
  if ("scalar" in value) return [`${" ".repeat(indent)}${value.scalar}`];
  if ("map" in value) return mappingLines(value.map, indent);
  return value.seq.flatMap((item) => ("scalar" in item ? [`${" ".repeat(indent)}- ${item.scalar}`] : "map" in item ? mappingLines(item.map, indent + 2, `${" ".repeat(indent)}- `) : []));
}

const PREFIX = "apiVersion: onething/v1\nkind: Checklist\nspec:\n  matters:\n";
const PREFIX_LINES = 4;

/** A checklist whose one matter is the generated entry (with the comment and blank lines interleaved). */
const checklist = fc.tuple(key, entry, extras).map(([id, fields, blank]) => {
  const lines = mappingLines([["id", { scalar: id }], ...fields], 6, "    - ");
  lines.splice(1, 0, ...blank.map((line) => (line === "" ? "" : `      ${line.trim()}`)));
  return { text: `${PREFIX}${lines.join("\n")}\n`, entry: `${lines.join("\n")}\n` };
});

function parsed(text: string): SourceDocument {
  const { document, diagnostics } = parseSource({ path: "x.yaml", text });
  expect(diagnostics.filter((diagnostic) => diagnostic.code.startsWith("yaml")).map((diagnostic) => diagnostic.message)).toEqual([]);
  return document as SourceDocument;
}

describe("readSubset and locateInTree", () => {
  test("give the parser's spans for every key and value of a generated document", () => {
    fc.assert(
      fc.property(checklist, ({ text }) => {
        const document = parsed(text);
        const tree = readSubset(text);
        expect(tree).toBeDefined();
        for (const pointer of pointersOf(document.value)) {
          for (const part of ["key", "value"] as const) {
            const span = locateInTree(tree as NonNullable<typeof tree>, segmentsOf(pointer), part);
            expect([pointer, part, textRange(text, span)]).toEqual([pointer, part, document.locate(pointer, part)]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test("give the parser's lines and columns for a matter read alone, as the diff reads a changed entry", () => {
    fc.assert(
      fc.property(checklist, ({ text, entry: alone }) => {
        const document = parsed(text);
        const tree = readSubset(alone);
        expect(tree).toBeDefined();
        const matter = (document.value as { spec: { matters: unknown[] } }).spec.matters[0];
        // Twice over, in another order the second time: members of flow collections are read on first use.
        const pointers = pointersOf(matter, "/spec/matters/0");
        for (const pointer of [...pointers, ...pointers.reverse()]) {
          for (const part of ["key", "value"] as const) {
            const range = textRange(alone, locateInTree(tree as NonNullable<typeof tree>, ["0", ...segmentsOf(pointer).slice(3)], part));
            const expected = document.locate(pointer, part);
            expect([pointer, part, range.start.line + PREFIX_LINES, range.start.column, range.end.line + PREFIX_LINES, range.end.column]).toEqual([
              pointer,
              part,
              expected?.start.line,
              expected?.start.column,
              expected?.end.line,
              expected?.end.column,
            ]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test.each([
    ["a block scalar", "a: |\n  text\n"],
    ["a folded scalar", "- a: >\n    text\n"],
    ["a quoted key", '"quoted key": 1\n'],
    ["a flow mapping entry without a value", "a: { b }\n"],
    ["a flow mapping with a quoted key", 'a: { "b": 1 }\n'],
    ["a flow sequence entry with a colon", "a: [b: 1]\n"],
    ["an unterminated flow sequence", "a: [b, c\n"],
    ["an unterminated double-quoted scalar", 'a: "b\n'],
    ["an unterminated single-quoted scalar", "a: 'it''\n"],
    ["an escaped quote at the end of the line", 'a: "b\\"\n'],
    ["text after a flow collection", "a: [b] c\n"],
    ["a plain scalar holding `: `", "a: b: c\n"],
    ["a plain scalar ending in a colon", "a: b:\n"],
    ["an empty flow entry", "a: [b, , c]\n"],
    ["a nested sequence on one line", "- - a\n"],
    ["a dash alone", "-\n  a: 1\n"],
    ["a more indented line after a scalar", "a: b\n   c\n"],
  ])("declines %s, so that the parser decides", (_name, text) => {
    expect(readSubset(text)).toBeUndefined();
  });

  test("reads the plain scalars the parser reads as plain, colons and hashes inside them included", () => {
    const text = `${PREFIX}    - a: x#y\n      b: a:b\n      c: 'it''s' # note\n      d: { e: f:g, h: [i, 'j, k'] }\n`;
    const tree = readSubset(text);
    expect(tree).toBeDefined();
    const document = parsed(text);
    for (const pointer of pointersOf(document.value)) {
      expect(textRange(text, locateInTree(tree as NonNullable<typeof tree>, segmentsOf(pointer), "value"))).toEqual(document.locate(pointer, "value"));
    }
  });
});
