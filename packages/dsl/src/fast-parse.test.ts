import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, parseDocument, stringify } from "yaml";
import { fastParse, fastPathApplies } from "./fast-parse.js";
import { parseSource } from "./parse.js";
import { canonical, yamlValue } from "./test-differential.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

function yamlFiles(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(folder, name);
    if (name === "node_modules") return [];
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const packages = readdirSync(join(root, "packages"));
const checklistFiles = yamlFiles(join(root, "checklists"));
const fixtureFiles = [
  ...packages.flatMap((name) => yamlFiles(join(root, "packages", name, "fixtures"))),
  ...yamlFiles(join(root, "packages/cli/test/fixtures")),
];

/** The differential property: whenever the fast path is taken, `yaml` reads the same value without a finding. */
function expectAgreement(text: string, label: string): boolean {
  const fast = fastParse(text);
  if (fast === undefined) return false;
  const reference = yamlValue(text);
  expect(reference, `${label}: yaml reports a finding the fast path missed`).not.toBeUndefined();
  expect(canonical(fast.value), label).toEqual(canonical(reference));
  return true;
}

const SCALARS: Array<[string, unknown]> = [
  ["yes", "yes"],
  ["no", "no"],
  ["on", "on"],
  ["off", "off"],
  ["y", "y"],
  ["true", true],
  ["True", true],
  ["TRUE", true],
  ["false", false],
  ["FALSE", false],
  ["tRUE", "tRUE"],
  ["~", null],
  ["null", null],
  ["Null", null],
  ["NULL", null],
  ["nULL", "nULL"],
  ["", null],
  ["0o7", 7],
  ["0o17", 15],
  ["0o8", "0o8"],
  ["0O7", "0O7"],
  ["07", 7],
  ["0b101", "0b101"],
  ["0x1F", 31],
  ["0X1F", "0X1F"],
  ["+0x1F", "+0x1F"],
  ["-0x1F", "-0x1F"],
  ["1_000", "1_000"],
  ["1_000.5", "1_000.5"],
  ["+1", 1],
  ["-1", -1],
  ["-0", -0],
  ["0", 0],
  [".5", 0.5],
  ["-.5", -0.5],
  ["+.5", 0.5],
  ["1.", 1],
  ["1.50", 1.5],
  ["1e3", 1000],
  ["1E3", 1000],
  ["1e+3", 1000],
  ["-1.5e-3", -0.0015],
  ["1e", "1e"],
  [".inf", Infinity],
  ["+.inf", Infinity],
  ["-.Inf", -Infinity],
  [".INF", Infinity],
  [".nan", NaN],
  [".NaN", NaN],
  ["-.nan", "-.nan"],
  ["inf", "inf"],
  ["nan", "nan"],
  ["2024-01-16", "2024-01-16"],
  ["2024-01-16T10:00:00Z", "2024-01-16T10:00:00Z"],
  ["12:30", "12:30"],
  ["1:20:30", "1:20:30"],
  ["12345678901234567890", 12345678901234567890],
  ["1e400", Infinity],
  ["=", "="],
  ["<", "<"],
  ["010", 10],
  ["0.1.2", "0.1.2"],
  ["1,000", "1,000"],
  ["¥100", "¥100"],
  ["是", "是"],
];

/** Texts where a lenient reader might differ from `yaml`: the fast path must agree or decline. */
const TRICKY = [
  'a: "x"#c\n',
  "a: [1,\n2]\n",
  "a: {b: 1,\nc: 2}\n",
  "a:\n  - [1,\n  2]\n",
  "a: b: c\n",
  "a\nb: c\n",
  "a: 'x' y\n",
  "a: |\n    x\n  y\n",
  "a: |\n  \n    x\n",
  "a: >\n  x\n\n  y\n   z\n",
  "a: |-\n  x\n\n",
  "a: |+\n  x\n\n",
  "a: |2\n    x\n",
  'a: "x\\qy"\n',
  'a: "\\x41\\u4e2d\\U0001F600\\N\\_\\L\\P"\n',
  'a: "one\n  two\n\n  three"\n',
  "a: 'one\n  two'\n",
  "a: one\n  two\n  # c\n",
  "a: @x\n",
  "a: `x\n",
  "a: -\n",
  "a: - x\n",
  "- a\nb: c\n",
  "a:\n- x\n- y\n",
  "a:\n  b: 1\n c: 2\n",
  "a: {b}\n",
  "a: {b: }\n",
  "a: [b: 1]\n",
  "a: [b, ]\n",
  "a: [, b]\n",
  "a: {,}\n",
  '{"a":1,"b":[true,null]}\n',
  '{"a":b}\n',
  "a: x:y\n",
  "a: x :y\n",
  "a: x # c\n",
  "a: x#c\n",
  "a: %x\n",
  "a: ? x\n",
  "a: 'it''s'\n",
  "a: b\n...\n",
  "--- \na: 1\n",
  "# c\n---\na: 1\n",
  "--- a\n",
  "a: 1\n---\nb: 2\n",
  "\"a\": 1\n'b': 2\n",
  '"1": x\n',
  "1: x\n",
  "null: x\n",
  ": x\n",
  "~: x\n",
  ".inf: x\n",
  "[a]: x\n",
  "{a: 1}: x\n",
  "a: 1\na: 2\n",
  '"a": 1\na: 2\n',
  "__proto__: x\n",
  "constructor: x\n",
  `${"k".repeat(1100)}: x\n`,
  "a:\n    b: 1\n    c:\n      - d\n      -   e: 1\n          f: 2\n",
  "a: &x 1\nb: *x\n",
  "a: !!str 1\n",
  "a: !x 1\n",
  "<<: {a: 1}\n",
  "a:\tb\n",
  "a: b\r\nc: d\r\n",
  "a: b\u2028c\n",
  "a: b\u0085c\n",
  "a:  \n  b\n",
  "a: \u3000b\n",
  "a: [\"x\",\n  'y', z]\n",
  "- - a\n  - b\n- c\n",
  "a: |\n x\n",
  "a: >-\n  folded\n  text\n\n  more\n",
  "a: \"\"\nb: ''\n",
  "a:\n  # only a comment\nb: 1\n",
  "a: 1 # c\n# end",
  "a: 1\n\n\n",
  "",
  "# only\n",
  "x\n",
  "- 1\n",
  // The review of session 4: js-yaml (no longer a fast path) read or accepted these wrongly.
  "apiVersion: onething/v1\nkind: Checklist\nmetadata:\n  id: cn.x\nspec:\n  k:\n  - -\n  - x\n",
  "k:\n- -\n- a: b\n  c:\n    d: 1\n",
  "a:\n   - \n  - b\n",
  "a:\n   -\n  - b\n",
  "a:\n  -\n - b\n",
  "spec:\n  a:\n     - \n      # c\n    - b\n",
  "---#c\na: 1\n",
  "---#c\n",
  "---x: 1\n",
  "--- # c\na: 1\n",
];

// The pre-scan as regular expressions, as it was first written: `fastPathApplies` scans the code units in one pass
// and must decide exactly as these do.
const FALLBACK_PATTERN =
  /[\r\t\u0085\u2028\u2029\ufeff\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f]|\p{Cs}|(?:^|[\s[\]{},:])[&*!]|<<|(?:^|[\s[{,])\?(?:\s|$)|^%|^(?:---|\.\.\.)(?:\s|$)|[\]}] *:|["'\]}]#/mu;
const LEADING_PATTERN = /^(?:[ ]*(?:#[^\n]*)?\n)*(?:---(?:[ ]+(?:#[^\n]*)?)?(?:\n|$))?/;
const FLOW_LINE_PATTERN = /^.*[[\]{}].*$/gm;

function referenceQuoteEnd(line: string, start: number): number {
  const quote = line[start];
  for (let index = start + 1; index < line.length; index += 1) {
    const char = line[index];
    if (quote === '"' && char === "\\") index += 1;
    else if (char === quote) {
      if (quote === "'" && line[index + 1] === "'") index += 1;
      else return index;
    }
  }
  return -1;
}

function referenceFlowSingleLine(text: string): boolean {
  FLOW_LINE_PATTERN.lastIndex = 0;
  for (let match = FLOW_LINE_PATTERN.exec(text); match !== null; match = FLOW_LINE_PATTERN.exec(text)) {
    const line = match[0];
    let depth = 0;
    let tokenStart = false;
    for (let index = 0; index < line.length; index += 1) {
      const char = line[index];
      if (char === "[" || char === "{") depth += 1;
      else if (char === "]" || char === "}") {
        depth -= 1;
        if (depth < 0) return false;
      } else if (depth > 0 && tokenStart && (char === '"' || char === "'")) {
        index = referenceQuoteEnd(line, index);
        if (index < 0) return false;
      } else if (char === "#" ? depth === 0 || line[index - 1] === " " : depth === 0 && (char === '"' || char === "'")) {
        return false;
      }
      if (char !== " ") tokenStart = char === "[" || char === "{" || char === "," || char === ":";
    }
    if (depth !== 0) return false;
  }
  return true;
}

function referenceApplies(text: string): boolean {
  const lead = LEADING_PATTERN.exec(text)?.[0].length ?? 0;
  const rest = text.slice(lead);
  return !FALLBACK_PATTERN.test(rest) && referenceFlowSingleLine(rest);
}

/** Lines shaped like the bench corpus and the bundled lists, to splice the pieces of the pre-scan's tests into. */
const LINES = [
  "apiVersion: onething/v1",
  "  title: { zh: 盛林市“高效办成一件事”重点事项清单, en: Shenglin key matters }",
  '  jurisdiction: { level: municipal, division: "340600" }',
  "    - { ref: item.x, role: conditional }",
  '    - { title: 通知, date: "2024-06" }',
  "          partners: [dept.ah.c340600.edu, dept.ah.c340600.ca]",
  "    - matter: low-income-disability",
  '  version: "1.0.0"',
  "  note: 'it''s' # c",
  '  a: "x\\"y" ',
  "# 合成基准数据 · synthetic",
  "---",
  "...",
  "- [a, 'b, c', \"d]\"]",
  "  - {a: [1, {b: 'x'}], c: \"y\\\\\"}",
  "k: v # [not flow]",
  "  ",
  "",
];

describe("fast path: the one-pass pre-scan", () => {
  const pieces = [
    "a", "b", "中", "1", " ", "  ", "\n", "\n", "\t", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\ufeff", "\u3000", "\u00a0", "\u1680", "\u2005", "\u202f", "\u205f",
    "\x00", "\x07", "\x0b", "\x1f", "\x7f", "\x9f", "\u00a1", "\ud83d\ude00", "\ud83d", "\ude00", "&", "*", "!", "<", "<<", "?", "? ", "%", "-", "---", "...", "..",
    "[", "]", "{", "}", ",", ":", ": ", "#", " #", "'", '"', "\\", "''", "- ", "x: ", "] :", "}:", "[a, 'b']", '{ a: "x" }', "# c",
  ];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((parts) => parts.join(""));

  it("decides exactly as the regular expressions it replaces", () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: "binary", maxLength: 24 })), (sample) => {
        expect(fastPathApplies(sample), JSON.stringify(sample)).toBe(referenceApplies(sample));
      }),
      { numRuns: 20_000 },
    );
  });

  it("decides as they do on real lines with those pieces spliced in (line starts, quotes and brackets across lines)", () => {
    const line = fc
      .tuple(fc.constantFrom(...LINES), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...pieces)), { maxLength: 3 }))
      .map(([base, edits]) => edits.reduce((text, [at, piece]) => text.slice(0, at % (text.length + 1)) + piece + text.slice(at % (text.length + 1)), base));
    const sample = fc.tuple(fc.array(line, { minLength: 1, maxLength: 6 }), fc.boolean()).map(([lines, end]) => lines.join("\n") + (end ? "\n" : ""));
    let accepted = 0;
    fc.assert(
      fc.property(sample, (text) => {
        const applies = fastPathApplies(text);
        expect(applies, JSON.stringify(text)).toBe(referenceApplies(text));
        if (applies) accepted += 1;
      }),
      { numRuns: 20_000 },
    );
    // Both answers occur often, so the comparison tells the two apart.
    expect(accepted).toBeGreaterThan(2_000);
    expect(accepted).toBeLessThan(18_000);
  });

  it("decides as they do on every YAML file of the repository", () => {
    for (const file of [...checklistFiles, ...fixtureFiles]) {
      const sample = (file.includes("\n") || !file.endsWith("yaml") ? file : readFileSync(file, "utf8")).replace(/^\ufeff/, "");
      expect(fastPathApplies(sample), file.slice(0, 60)).toBe(referenceApplies(sample));
    }
  });
});

describe("fast path: differential test against yaml (YAML 1.2 core)", () => {
  const plainText = fc.stringMatching(/^[\u4e00-\u9fa5a-zA-Z0-9 ,.:（）-]{0,16}$/);
  const scalar = fc.oneof(
    { arbitrary: plainText, weight: 40 },
    { arbitrary: fc.integer(), weight: 10 },
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.constantFrom(...SCALARS.map(([text]) => text), "中文 名称", "a: b", "- x", "#x", "x #y", "'q'", '"d"', " lead", "trail ", "line\nbreak"),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const key = fc.oneof({ arbitrary: fc.constantFrom("id", "name", "zh", "en", "owner", "metrics"), weight: 30 }, fc.constantFrom("id", "name", "zh", "en", "owner", "metrics", "1", "true", "a b", "中文", "x:y", "-k", "null", ""), fc.string({ maxLength: 8 }));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small" }, scalar, fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(key, tie("value"), { maxKeys: 4 })),
  }));
  const documentShape = fc.record({
    apiVersion: fc.constant("onething/v1"),
    kind: fc.constantFrom("Checklist", "Taxonomy"),
    metadata: fc.record({ id: plainText, name: fc.record({ zh: plainText, en: fc.oneof(plainText, fc.string()) }) }),
    spec: fc.record({ matters: fc.array(fc.dictionary(key, value, { maxKeys: 5 }), { maxLength: 4 }) }),
  });

  it.each(SCALARS)("reads the plain scalar %j as yaml does", (scalar, expected) => {
    const text = `v: ${scalar}\nk:\n  - ${scalar}\nf: [${scalar}]\n`;
    expect(expectAgreement(text, scalar), "the fast path is taken").toBe(true);
    expect(canonical((fastParse(text)?.value as { v: unknown }).v)).toEqual(canonical(expected));
  });

  it.each(TRICKY.map((text) => [JSON.stringify(text).slice(0, 60), text]))("agrees or declines on %s", (_label, text) => {
    expectAgreement(text, JSON.stringify(text));
  });

  it("reads number-like plain scalars as yaml does, and declines every key yaml reads as other than a string", () => {
    // The scalar rules look at the first character before any regular expression: these strings start with every
    // character a null, boolean, int or float may start with, and with others.
    const numberLike = fc.array(fc.constantFrom(..."0123456789+-._eExXoObBaAfFiInNlLsStTuUrR~ 中"), { maxLength: 8 }).map((chars) => chars.join(""));
    let values = 0;
    let nonStringKeys = 0;
    fc.assert(
      fc.property(numberLike, (scalar) => {
        if (expectAgreement(`v: ${scalar}\nl: [${scalar}, x]\nm: {k: ${scalar}}\n`, JSON.stringify(scalar))) values += 1;
        const keyText = `${scalar}: v\nm: {${scalar}: v}\n`;
        const key = parseDocument(keyText, { schema: "core" }).contents;
        const first = isMap(key) && isScalar(key.items[0]?.key) ? key.items[0].key.value : undefined;
        if (typeof first !== "string") {
          nonStringKeys += 1;
          expect(fastParse(keyText), JSON.stringify(keyText)).toBeUndefined();
        } else expectAgreement(keyText, JSON.stringify(keyText));
      }),
      { numRuns: 5_000 },
    );
    expect(values).toBeGreaterThan(2_000);
    expect(nonStringKeys).toBeGreaterThan(200);
  });

  it("declines a key yaml reads as other than a string however deep it is", () => {
    const shapes = [
      (key: string) => `a:\n  - b:\n      - {c: 1, ${key}: x}\n`,
      (key: string) => `a: [[{b: [{${key}: 1}]}]]\n`,
      (key: string) => `a:\n  b:\n    c:\n      ${key}: 1\n`,
    ];
    for (const key of ["1", "-0", "0x1F", "1e3", ".inf", "true", "NULL", "~", "__proto__"]) {
      for (const shape of shapes) {
        expect(fastParse(shape(key)), JSON.stringify(shape(key))).toBeUndefined();
        expect(fastParse(shape(`k${key}`)), JSON.stringify(shape(`k${key}`))).not.toBeUndefined();
      }
    }
  });

  it("declines every construct the pre-scan rules out", () => {
    const declined = ["a: &x 1\nb: *x\n", "a: !x 1\n", "<<: {a: 1}\n", "a:\tb\n", "a: b\r\n", "? a\n: b\n", "%YAML 1.2\n---\na: 1\n", "a: 1\n---\nb: 2\n", "[a]: x\n", "1: x\n", "true: x\n", "__proto__: x\n", "a: 1\na: 2\n"];
    for (const text of declined) expect(fastParse(text), JSON.stringify(text)).toBeUndefined();
    expect(fastParse("---\na: 1\n")).toEqual({ value: { a: 1 } });
  });

  it("agrees with yaml on every YAML file of the repository, and parseSource reports the same either way", () => {
    const files = [...checklistFiles, ...fixtureFiles];
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      const text = new TextDecoder().decode(bytes);
      const path = relative(root, file);
      expectAgreement(text.replace(/^\ufeff/, ""), path);
      const fast = parseSource({ path, text: bytes });
      const slow = parseSource({ path, text: bytes, fastPath: false });
      expect(fast.diagnostics, path).toEqual(slow.diagnostics);
      expect(canonical(fast.document?.value), path).toEqual(canonical(slow.document?.value));
      expect([fast.document?.kind, fast.document?.id, fast.document?.text], path).toEqual([slow.document?.kind, slow.document?.id, slow.document?.text]);
      for (const pointer of ["", "/metadata/id", "/spec", "/spec/matters/0/id", "/nowhere"]) {
        expect(fast.document?.locate(pointer, "value"), `${path} ${pointer}`).toEqual(slow.document?.locate(pointer, "value"));
      }
      expect([fast.document?.yaml.range, fast.document?.yaml.errors.length], path).toEqual([slow.document?.yaml.range, slow.document?.yaml.errors.length]);
    }
  });

  it("takes the fast path for every bundled checklist file", () => {
    expect(checklistFiles.length).toBeGreaterThan(0);
    for (const file of checklistFiles) {
      expect(fastParse(readFileSync(file, "utf8").replace(/^\ufeff/, "")), relative(root, file)).not.toBeUndefined();
    }
  });

  it("agrees with yaml on generated onething-shaped documents, in block and flow style", () => {
    let taken = 0;
    fc.assert(
      fc.property(documentShape, fc.constantFrom("block", "flow") as fc.Arbitrary<"block" | "flow">, (shape, style) => {
        const text = stringify(shape, { collectionStyle: style });
        if (expectAgreement(text, text)) taken += 1;
      }),
      { numRuns: 400 },
    );
    // Random strings often need what the block reader leaves to `yaml` (escapes, `- - x`, multi-line scalars).
    expect(taken).toBeGreaterThan(30);
  });

  it("makes parseSource report the same diagnostics and value as the yaml path on generated documents", () => {
    let fastTaken = 0;
    fc.assert(
      fc.property(documentShape, fc.constantFrom("block", "flow") as fc.Arbitrary<"block" | "flow">, (shape, style) => {
        const text = stringify(shape, { collectionStyle: style });
        const fast = parseSource({ path: "a.yaml", text });
        const slow = parseSource({ path: "a.yaml", text, fastPath: false });
        expect(fast.diagnostics, text).toEqual(slow.diagnostics);
        expect(canonical(fast.document?.value), text).toEqual(canonical(slow.document?.value));
        if (fastParse(text) !== undefined) fastTaken += 1;
      }),
      { numRuns: 300 },
    );
    expect(fastTaken).toBeGreaterThan(20);
  });
});
