import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { diffDocuments, parseSource, type SourceDocument } from "@onething/sdk";
import { mulberry32 } from "../../../bench/generate.mjs";
import { diffVersions, loadVersions } from "../src/commands/diff-load.js";
import { entryText, maskedText, outlineYaml, type Outline, type OutlineEntry } from "../src/commands/diff-outline.js";
import { digestPair, sameEntries } from "../src/commands/diff-pair.js";
import { parseVersion, type VersionFile } from "../src/commands/diff-sources.js";

// The outline reads only the shallow lines of a changed file and leaves every line below an entry's `- ` to
// that entry (diff-outline.ts). These tests generate lists whose entries hold every multi-line construct YAML
// has (plain, quoted and flow scalars over several lines, block scalars of every chomping, comments at any
// column, lines inside text that look like entries), edit them, and check that both ways the loader reads a
// changed pair (outlines made from the bytes, and digests made while reading) give exactly what parsing
// both versions whole gives: the same changes, messages and positions.

type Random = { int(n: number): number; pick<T>(items: readonly T[]): T; chance(p: number): boolean };

function random(seed: number): Random {
  const next = mulberry32(seed);
  return {
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
  };
}

/** Lines of one field of an entry whose keys sit at `column` (continuation lines deeper, as YAML requires). */
function field(rng: Random, column: number, version: number): string[] {
  const at = " ".repeat(column);
  const deeper = " ".repeat(column + 1 + rng.int(3));
  const templates: Array<() => string[]> = [
    () => [`${at}name: { zh: 名称${version}, en: Name }`],
    () => [`${at}note: plain text that goes`, `${deeper}on to a second line ${version}`],
    () => [`${at}note: "double quoted`, `${deeper}continued \\" line ${version}"`],
    () => [`${at}note: 'single`, "", `${deeper}continued ''${version}'''`],
    () => [`${at}items: [a, b,`, `${deeper}c${version}, { k: v }]`],
    () => [`${at}text: |`, `${deeper}line one`, "", `${deeper}  - id: looks-like-an-entry`, `${deeper}k: v ${version}`],
    () => [`${at}folded: >-`, `${deeper}folded`, `${deeper}text ${version}`],
    () => [`${at}kept: |+`, `${deeper}kept ${version}`, "", ""],
    () => [`${at}owners:`, `${at}  lead: dept.x${version}`, `${at}  partners:`, `${at}  - dept.a`, `${at}  - dept.b`],
    () => [`# a comment at the first column ${version}`],
    () => [`${" ".repeat(rng.int(column))}# a comment less indented`],
    () => [`${at}nothing:`],
    () => [`${at}metrics:`, `${at}  trips: { before: 5, after: ${version} }`],
    () => [`${at}ref: item.r${version % 3}`],
    () => [`${at}spaces: x   `, `${" ".repeat(column + 2)}`],
  ];
  // Anchors and tags make the outline decline the file (see diff-outline.ts): now and then one.
  if (rng.chance(0.01)) return rng.pick([[`${at}anchored: &a${version} value`], [`${at}tagged: !!str ${version}`]]);
  return rng.pick(templates)();
}

/** One list entry with its `- ` at `dash`: its first key on the `- ` line, more fields below. */
function entry(rng: Random, dash: number, id: string, keyField: string): string[] {
  const column = dash + 2;
  const first = rng.chance(0.08) ? `"${id}"` : id;
  const lines = [`${" ".repeat(dash)}- ${rng.chance(0.1) ? `name: x\n${" ".repeat(column)}${keyField}: ${first}` : `${keyField}: ${first}`}`];
  const count = rng.int(5);
  for (let index = 0; index < count; index += 1) lines.push(...field(rng, column, rng.int(4)));
  if (rng.chance(0.15)) lines.push("");
  return lines;
}

interface Listed {
  key: string;
  keyField: string;
  entries: string[][];
}

function render(lists: Listed[], version: string, dash: number): string {
  const lines = ["apiVersion: onething/v1", "kind: Checklist", "metadata:", "  id: cn.gen", `  version: "${version}"`, "spec:", "  scope: local"];
  for (const list of lists) {
    lines.push(`  ${list.key}:`);
    for (const lines_ of list.entries) lines.push(...lines_);
  }
  return `${lines.join("\n")}\n`;
}

/** A generated pair of versions of one list: the first, and the first with a few random edits. */
function pair(seed: number): [string, string] {
  const rng = random(seed);
  const dash = rng.pick([2, 4, 4]);
  let serial = 0;
  const fresh = (prefix: string) => `${prefix}-${(serial += 1)}`;
  const lists: Listed[] = [
    { key: "matters", keyField: "id", entries: [] },
    { key: "patches", keyField: "matter", entries: [] },
  ];
  for (const list of lists) {
    const count = 1 + rng.int(6);
    for (let index = 0; index < count; index += 1) list.entries.push(entry(rng, dash, fresh(list.keyField), list.keyField));
  }
  const before = render(lists, "1.0.0", dash);
  const edits = 1 + rng.int(4);
  for (let index = 0; index < edits; index += 1) {
    const list = rng.pick(lists);
    const at = rng.int(list.entries.length);
    const kind = rng.int(5);
    if (kind === 0) list.entries.splice(at, 0, entry(rng, dash, fresh(list.keyField), list.keyField));
    else if (kind === 1 && list.entries.length > 1) list.entries.splice(at, 1);
    else if (kind === 2 && list.entries.length > 1) list.entries.push(...list.entries.splice(at, 1));
    else {
      const target = list.entries[at] as string[];
      const column = dash + 2;
      target.splice(1 + rng.int(target.length), 0, ...field(rng, column, 5 + rng.int(4)));
    }
  }
  return [before, render(lists, rng.chance(0.5) ? "1.0.0" : "1.1.0", dash)];
}

const encoder = new TextEncoder();

/** The two versions as the reader gives them: plain, or digested together (as `readWorkingPair` does). */
function versions(before: string, after: string, digested: boolean): [VersionFile[], VersionFile[]] {
  const old: VersionFile = { path: "a/list.yaml", bytes: encoder.encode(before) };
  const next: VersionFile = { path: "b/list.yaml", bytes: encoder.encode(after) };
  if (digested) {
    const digest = digestPair(old.bytes, next.bytes);
    if (digest !== undefined) {
      old.digest = { pair: digest, side: digest.before };
      next.digest = { pair: digest, side: digest.after };
    }
  }
  return [[old], [next]];
}

/** Every JSON Pointer in a value. */
function pointersOf(value: unknown, pointer = ""): string[] {
  const out = [pointer];
  if (Array.isArray(value)) value.forEach((element, index) => out.push(...pointersOf(element, `${pointer}/${index}`)));
  else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) out.push(...pointersOf(child, `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`));
  }
  return out;
}

function expectSameAsWhole(before: string, after: string, digested: boolean): void {
  const [old, next] = versions(before, after, digested);
  const whole = diffDocuments({ before: parseVersion(old, "en"), after: parseVersion(next, "en") });
  expect(JSON.stringify(diffVersions({ before: old, after: next, lang: "en" }))).toBe(JSON.stringify(whole));
  const loaded = loadVersions({ before: old, after: next, lang: "en" });
  for (const [document, text, path] of [
    [loaded.before[0], before, "a/list.yaml"],
    [loaded.after[0], after, "b/list.yaml"],
  ] as const) {
    const reference = parseSource({ path, text }).document as SourceDocument;
    for (const pointer of pointersOf(reference.value)) {
      for (const part of ["key", "value"] as const) expect([pointer, part, document?.locate(pointer, part)]).toEqual([pointer, part, reference.locate(pointer, part)]);
    }
  }
}

describe("a changed list read entry by entry gives what parsing it whole gives", () => {
  test("the generator makes lists the outline reads, with entries left out (so that the test can fail)", () => {
    let outlined = 0;
    let left = 0;
    for (let seed = 0; seed < 200; seed += 1) {
      const [before, after] = pair(seed);
      const digest = digestPair(encoder.encode(before), encoder.encode(after));
      if (digest === undefined) continue;
      outlined += 1;
      left += digest.before.left.size;
    }
    expect(outlined).toBeGreaterThan(150);
    expect(left).toBeGreaterThan(300);
  });

  test.each([false, true])("over generated lists with multi-line values, comments and edits (digested when read: %s)", (digested) => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const [before, after] = pair(seed);
        expectSameAsWhole(before, after, digested);
      }),
      // DIFF_PAIR_RUNS=5000 runs more cases by hand.
      { numRuns: Number(process.env["DIFF_PAIR_RUNS"] ?? 300) },
    );
  }, 120_000);

  test.each([
    ["a quoted scalar whose next line is at the entry's column", '      note: "abc\n      id: other"\n'],
    ["a plain scalar whose next line is less indented than its key", "      note: abc\n     more\n"],
    ["a block scalar less indented than its key", "      text: |\n     less\n"],
  ])("an unchanged entry with a YAML error the parser recovers from: %s", (_name, lines) => {
    const list = (after: number) =>
      `apiVersion: onething/v1\nkind: Checklist\nmetadata:\n  id: cn.broken\nspec:\n  matters:\n    - id: broken\n${lines}    - id: changed\n      metrics:\n        trips: { before: 5, after: ${after} }\n`;
    expectSameAsWhole(list(1), list(2), true);
    expectSameAsWhole(list(1), list(2), false);
  });

  test.each([
    ["an alias in an unchanged entry to an anchor in a changed one", "      note: &n before\n", "      note: &n after\n", "      copy: *n\n"],
    ["an anchor and a tag in an unchanged entry", "      note: x\n", "      note: y\n", "      a: &a value\n      b: !!str 12\n"],
  ])("what the outline declines is parsed whole: %s", (_name, old, next, unchanged) => {
    const list = (lines: string) =>
      `apiVersion: onething/v1\nkind: Checklist\nmetadata:\n  id: cn.declined\nspec:\n  matters:\n    - id: changed\n${lines}    - id: same\n${unchanged}  scope: local\n`;
    expectSameAsWhole(list(old), list(next), true);
    expectSameAsWhole(list(old), list(next), false);
  });

  test("a flow collection that runs past its entry (a YAML error) in an entry the same in both versions is not read", () => {
    // Parsed whole, the error swallows the next entry; read entry by entry, the change is the one that was made.
    const list = (after: number) =>
      `apiVersion: onething/v1\nkind: Checklist\nmetadata:\n  id: cn.broken\nspec:\n  matters:\n    - id: broken\n      items: [a,\n    - id: changed\n      metrics:\n        trips: { before: 5, after: ${after} }\n`;
    const [old, next] = versions(list(1), list(2), true);
    expect(diffVersions({ before: old, after: next, lang: "en" }).changes.map((change) => `${change.field} ${change.locations.after?.line}`)).toEqual([
      "/spec/matters/changed/metrics/trips/after 11",
    ]);
  });
});

/** A file whose `matters` list holds the given entries (one line each: `- id: <id>` and a value). */
function listed(entries: readonly string[]): string {
  const lines = entries.map((entry) => `    - id: ${entry.split(":")[0]}\n      note: ${entry}\n`).join("");
  return `apiVersion: onething/v1\nkind: Checklist\nmetadata:\n  id: cn.order\nspec:\n  matters:\n${lines}  scope: local\n`;
}

/** The pairs of entries the same in both versions, by index, as the first version's entries would each take the first unpaired equal one. */
function firstEqualPairs(before: Outline, after: Outline): string[] {
  const taken = new Set<OutlineEntry>();
  const out: string[] = [];
  const others = after.lists[0]?.entries ?? [];
  (before.lists[0]?.entries ?? []).forEach((entry, index) => {
    const match = others.find((candidate) => !taken.has(candidate) && entryText(after, candidate).replace(/\n$/, "") === entryText(before, entry).replace(/\n$/, ""));
    if (match === undefined) return;
    taken.add(match);
    out.push(`${index}-${others.indexOf(match)}`);
  });
  return out;
}

describe("entries the same in both versions", () => {
  test.each([
    ["in the same order, one changed", ["a:1", "b:1", "c:1", "d:1"], ["a:1", "b:1", "c:2", "d:1"]],
    ["one moved to the end", ["a:1", "b:1", "c:1", "d:1"], ["a:1", "c:1", "d:1", "b:1"]],
    ["two swapped", ["a:1", "b:1", "c:1", "d:1"], ["b:1", "a:1", "c:1", "d:1"]],
    ["duplicated, before and after a change", ["a:1", "a:1", "b:1", "a:1"], ["a:1", "b:2", "a:1", "a:1", "a:1"]],
    ["duplicates in the shared start and later", ["a:1", "a:1", "c:1", "a:1"], ["a:1", "a:1", "a:1", "c:2"]],
    ["one inserted at the start", ["a:1", "b:1"], ["z:1", "a:1", "b:1"]],
    ["one removed at the end", ["a:1", "b:1", "c:1"], ["a:1", "b:1"]],
    ["all the same", ["a:1", "b:1"], ["a:1", "b:1"]],
  ])("are paired each with the first equal one not yet paired: %s", (_name, old, next) => {
    const before = outlineYaml(encoder.encode(listed(old))) as Outline;
    const after = outlineYaml(encoder.encode(listed(next))) as Outline;
    const { old: left, next: right } = sameEntries(before, after);
    const beforeEntries = before.lists[0]?.entries ?? [];
    const afterEntries = after.lists[0]?.entries ?? [];
    const pairs = [...left].map(([entry, keys]) => `${beforeEntries.indexOf(entry)}-${afterEntries.findIndex((candidate) => right.get(candidate) === keys)}`);
    expect(pairs).toEqual(firstEqualPairs(before, after));
    expect(right.size).toBe(left.size);
    expectSameAsWhole(listed(old), listed(next), true);
    expectSameAsWhole(listed(next), listed(old), true);
  });

  test("the digest's texts are those the outline gives: its masked text, its envelope, the text of each entry it kept", () => {
    let kept = 0;
    for (let seed = 0; seed < 200; seed += 1) {
      // Every third pair without its final line break, so that the last entry ends the file.
      const [before, after] = pair(seed).map((text) => (seed % 3 === 0 ? text.replace(/\n+$/, "").replace(/\n  scope: local$/, "") : text)) as [string, string];
      const digest = digestPair(encoder.encode(before), encoder.encode(after));
      if (digest === undefined) continue;
      for (const [side, text] of [
        [digest.before, before],
        [digest.after, after],
      ] as const) {
        const outline = outlineYaml(encoder.encode(text)) as Outline;
        const entries = new Map(side.lists.flatMap((list, index) => list.entries.map((entry, at) => [entry, outline.lists[index]?.entries[at] as OutlineEntry] as const)));
        const left = new Set([...side.left.keys()].map((entry) => entries.get(entry) as OutlineEntry));
        expect(side.masked).toEqual(maskedText(outline, left));
        expect(side.envelope).toEqual(maskedText(outline, new Set(entries.values())));
        for (const [entry, same] of entries) {
          expect(side.texts.get(entry)).toBe(side.left.has(entry) ? undefined : entryText(outline, same));
          if (!side.left.has(entry)) kept += 1;
        }
      }
    }
    expect(kept).toBeGreaterThan(300);
  });
});
