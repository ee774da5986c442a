import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../../bench/generate.mjs";
import { fastParse as blockParse, fastPathApplies } from "./fast-parse.js";
import { canonical, yamlValue } from "./test-differential.js";

/** Draws from the bench's seeded generator, so that a failing text can be rebuilt from the seed fast-check prints. */
function random(seed: number): { int(n: number): number; pick<T>(items: readonly T[]): T; chance(p: number): boolean } {
  const next = mulberry32(seed);
  return {
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
  };
}

type Random = ReturnType<typeof random>;

const KEYS = ["id", "name", "zh", "en", "owners", "lead", "metrics", "before", "after", "x:y", "a b", "中文", "k#x", "-k", "1", "true", "null", "__proto__", "toString", "~", "'q'", '"d"', "'it''s'", '"a\\"b"', "k ", "?k", "[k]", "k]", ""];
const PLAINS = [
  "landed", "分管副市长", "dept.yn.c530500.gs", "中文 名称", "1", "-1", "0x1F", "0o7", "1.5", "1e3", ".inf", "-.Inf", ".nan", "1_000", "true", "False", "null", "~", "yes",
  "2024-01-16", "12:30", "a: b", "a:b", "x #c", "x#c", "it's", "-", "- x", "-x", "?", "? x", ":x", "a, b", "x]", "[x]", "{x}", "@x", "`x", "%x", "|", ">", "&a", "*a", "!t",
  "¥100", "\u3000x", "x\u3000", "\u00a0", "a  b", "#", "x:", "x :", "x :y",
];
const QUOTED = ["'x'", "''", "'it''s'", "'a # b'", "'x: y'", '"x"', '""', '"a\\"b"', '"a\\\\b"', '"\\u4e2d"', '"\\ud83d"', '"\\x41"', '"a\\/b"', '"tab\\tx"', '"nl\\nx"', '"\\q"', "'unclosed", '"unclosed'];

/** Mostly the first `common` items (what real files hold), now and then any item (what might trip the reader). */
function mostly<T>(rng: Random, items: readonly T[], common: number): T {
  return rng.chance(0.9) ? (items[rng.int(common)] as T) : rng.pick(items);
}

/** A flow collection on one line, with random spacing, now and then malformed. */
function flow(rng: Random, depth: number): string {
  const space = (): string => rng.pick(["", " ", "  "]);
  const node = (): string => {
    if (depth < 2 && rng.chance(0.2)) return flow(rng, depth + 1);
    return rng.chance(0.3) ? mostly(rng, QUOTED, 8) : mostly(rng, PLAINS, 19);
  };
  const count = rng.int(4);
  const items: string[] = [];
  const mapping = rng.chance(0.5);
  for (let index = 0; index < count; index += 1) {
    items.push(mapping ? `${mostly(rng, KEYS, 12)}${mostly(rng, [": ", ":", " : "], 1)}${node()}` : node());
  }
  if (rng.chance(0.05)) items.push("");
  const body = items.join(mostly(rng, [", ", ",", " , "], 2));
  return mapping ? `{${space()}${body}${space()}}` : `[${space()}${body}${space()}]`;
}

/** A value on the line: plain, quoted or flow, with a comment now and then. */
function inline(rng: Random): string {
  const value = rng.chance(0.15) ? flow(rng, 0) : rng.chance(0.25) ? mostly(rng, QUOTED, 8) : mostly(rng, PLAINS, 19);
  return `${value}${rng.chance(0.1) ? rng.pick([" # c", "  #c", "#c", " ", "  "]) : ""}`;
}

/** Lines that may sit anywhere: blank lines, spaces only, comments at any column. */
function filler(rng: Random, lines: string[]): void {
  if (rng.chance(0.1)) lines.push(`${" ".repeat(rng.int(8))}${rng.pick(["", "# note", "#", "# 说明: x"])}`);
}

/** A block mapping at `indent`; the first key goes on `lead` (a sequence entry's line) when given. */
function mapping(rng: Random, indent: number, depth: number, lines: string[], lead?: string): void {
  const count = 1 + rng.int(4);
  for (let index = 0; index < count; index += 1) {
    const column = rng.chance(0.03) ? indent + rng.pick([-1, 1]) : indent;
    const prefix = index === 0 && lead !== undefined ? lead : " ".repeat(Math.max(0, column));
    const key = mostly(rng, KEYS, 12);
    value(rng, indent, depth, lines, `${prefix}${key}${rng.chance(0.03) ? " :" : ":"}`, true);
    filler(rng, lines);
  }
}

/** A block sequence whose `-` sit at `indent`. */
function sequence(rng: Random, indent: number, depth: number, lines: string[]): void {
  const count = 1 + rng.int(4);
  for (let index = 0; index < count; index += 1) {
    const dash = `${" ".repeat(indent)}-`;
    if (depth < 4 && rng.chance(0.35)) {
      // A compact mapping: `- key: value`, its further keys at the column of the first.
      const gap = rng.pick([" ", " ", "  ", "   "]);
      mapping(rng, indent + 1 + gap.length, depth + 1, lines, `${dash}${gap}`);
    } else if (rng.chance(0.05)) lines.push(`${dash} - ${inline(rng)}`);
    else value(rng, indent, depth, lines, dash, false);
    filler(rng, lines);
  }
}

/** The value after `head` (`key:` or `-`): on the line, or a nested block on the next lines. */
function value(rng: Random, indent: number, depth: number, lines: string[], head: string, inMapping: boolean): void {
  if (depth >= 4 || rng.chance(0.55)) {
    lines.push(`${head}${rng.pick([" ", " ", "  ", ""])}${inline(rng)}`);
    if (rng.chance(0.03)) lines.push(`${" ".repeat(indent + 2)}${rng.pick(["more", "# c", "k: v"])}`);
    return;
  }
  lines.push(`${head}${rng.chance(0.1) ? rng.pick([" # c", " ", "  # 注"]) : ""}`);
  filler(rng, lines);
  const step = rng.pick([1, 2, 2, 2, 3, 4]);
  if (rng.chance(0.08)) {
    // A flow collection or quoted scalar alone on the next line, as yaml's stringify writes an empty list.
    lines.push(`${" ".repeat(indent + step)}${rng.chance(0.6) ? flow(rng, 0) : mostly(rng, QUOTED, 8)}`);
    return;
  }
  if (rng.chance(0.45)) {
    const indentless = inMapping && rng.chance(0.3);
    sequence(rng, indentless ? indent : indent + step, depth + 1, lines);
  } else if (rng.chance(0.9)) mapping(rng, indent + step, depth + 1, lines);
}

/** A whole generated document, with now and then a few bytes inserted or removed anywhere. */
function document(seed: number): string {
  const rng = random(seed);
  const lines: string[] = [];
  if (rng.chance(0.1)) lines.push(rng.pick(["# head", "---", "# c", ""]));
  mapping(rng, 0, 0, lines);
  let text = lines.join("\n") + (rng.chance(0.9) ? "\n" : "");
  const edits = rng.chance(0.2) ? 1 + rng.int(3) : 0;
  for (let index = 0; index < edits; index += 1) {
    const at = rng.int(text.length + 1);
    text = rng.chance(0.5) ? text.slice(0, at) + rng.pick([" ", "\n", ":", "-", "#", "'", '"', "[", "]", "{", ",", "\n  ", "- "]) + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + rng.int(3));
  }
  return text;
}

describe("the block reader", () => {
  it("reads what it takes exactly as yaml does, over generated texts of every style it might meet", () => {
    let taken = 0;
    let declined = 0;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const text = document(seed);
        const block = blockParse(text);
        if (block === undefined) {
          if (fastPathApplies(text)) declined += 1;
          return;
        }
        taken += 1;
        const reference = yamlValue(text);
        expect(reference, `yaml reports a finding the block reader missed:\n${text}`).not.toBeUndefined();
        expect(canonical(block.value), text).toEqual(canonical(reference));
      }),
      { numRuns: 20_000 },
    );
    // Both outcomes must be common, or the generator tests nothing.
    expect(taken).toBeGreaterThan(2_000);
    expect(declined).toBeGreaterThan(5_000);
  });

  it("reads every bundled checklist file, as yaml does", () => {
    const root = fileURLToPath(new URL("../../../", import.meta.url));
    const files = readdirSync(join(root, "checklists"), { recursive: true, encoding: "utf8" }).filter((name) => /\.ya?ml$/.test(name));
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) {
      const text = readFileSync(join(root, "checklists", name), "utf8").replace(/^\ufeff/, "");
      const block = blockParse(text);
      expect(block, name).not.toBeUndefined();
      expect(canonical(block?.value), name).toEqual(canonical(yamlValue(text)));
    }
  });

  it("reads the shapes of the onething files", () => {
    const text = [
      "# yaml-language-server: $schema=x",
      "apiVersion: onething/v1",
      "kind: Checklist",
      "metadata:",
      "  id: cn.yn.c530500",
      "  title: { zh: 白安市“高效办成一件事”重点事项清单, en: Baian key matters }",
      '  version: "1.0.0"',
      "  sources:",
      '    - { title: 通知, date: "2024-09" }',
      "spec:",
      "  extends:",
      "  - checklist: cn.yn",
      "  patches:",
      "    - matter: newcomer-after-death   # 注",
      "      set:",
      "        owners:",
      "          partners: [dept.a, 'dept.b', \"dept.c\"]",
      "        metrics: { trips: { before: 7, after: 0 } }",
      "",
      "    -   matter: x",
      "        exclude: ~",
      "",
    ].join("\n");
    expect(blockParse("a: [12:30, x:y]\nb:\n  []\nc:\n  'q'\n")).toEqual({ value: { a: ["12:30", "x:y"], b: [], c: "q" } });
    expect(blockParse(text)).toEqual({
      value: {
        apiVersion: "onething/v1",
        kind: "Checklist",
        metadata: {
          id: "cn.yn.c530500",
          title: { zh: "白安市“高效办成一件事”重点事项清单", en: "Baian key matters" },
          version: "1.0.0",
          sources: [{ title: "通知", date: "2024-09" }],
        },
        spec: {
          extends: [{ checklist: "cn.yn" }],
          patches: [
            { matter: "newcomer-after-death", set: { owners: { partners: ["dept.a", "dept.b", "dept.c"] }, metrics: { trips: { before: 7, after: 0 } } } },
            { matter: "x", exclude: null },
          ],
        },
      },
    });
  });

  it("declines what it leaves to the slower paths", () => {
    const declined = [
      "a: |\n  x\n",
      "a: >-\n  x\n",
      "a: one\n  two\n",
      "a: 'one\n  two'\n",
      "- a\n",
      "a\n",
      "  a: 1\n",
      "a:\n- - x\n",
      "a: b: c\n",
      "a: 1\na: 2\n",
      "a: {b: 1, b: 2}\n",
      "a: [b, ]\n",
      "a: [b: 1]\n",
      "a: {b}\n",
      'a: "\\x41"\n',
      'a: "\\ud83d\\ude00"\n',
      "1: x\n",
      "__proto__: x\n",
      "a:\n  b: 1\n c: 2\n",
      "a:\n  - x\n  b: 1\n",
      "# only a comment\n",
      "",
    ];
    for (const text of declined) expect(blockParse(text), JSON.stringify(text)).toBeUndefined();
  });

  it("reads repeated and distinct values right when there are more of them than the table sharing them holds", () => {
    // 100,000 distinct values (more than the table's slots, so many collide and replace each other) of lengths
    // around the 13 code units where V8 stops copying slices, every one read twice, in two texts.
    const values = Array.from({ length: 100_000 }, (_, index) => `${index % 2 === 0 ? "v" : "值"}${index.toString(36)}${"x".repeat(index % 14)}`);
    const text = (from: number, to: number) =>
      `a:
${values
        .slice(from, to)
        .map((value, index) => (index % 3 === 0 ? `  - ${value}
  - '${value}'
` : `  - [${value}, "${value}"]
`))
        .join("")}`;
    const expected = (from: number, to: number) => values.slice(from, to).flatMap((value, index): Array<string | string[]> => (index % 3 === 0 ? [value, value] : [[value, value]]));
    expect(blockParse(text(0, 60_000))).toEqual({ value: { a: expected(0, 60_000) } });
    expect(blockParse(text(40_000, 100_000))).toEqual({ value: { a: expected(40_000, 100_000) } });
  });

  it("declines nesting deeper than 500 levels, where yaml reports resource exhaustion, without overflowing the stack", () => {
    const flowAt = (depth: number) => `a: ${"[".repeat(depth)}${"]".repeat(depth)}\n`;
    const blockAt = (depth: number) => Array.from({ length: depth }, (_, level) => `${" ".repeat(level)}k${level}:`).join("\n");
    expect(blockParse(flowAt(400))).not.toBeUndefined();
    expect(blockParse(blockAt(400))).not.toBeUndefined();
    for (const depth of [600, 1_000, 20_000]) expect(blockParse(flowAt(depth)), `flow ${depth}`).toBeUndefined();
    for (const depth of [600, 1_500]) expect(blockParse(blockAt(depth)), `block ${depth}`).toBeUndefined();
  });
});
