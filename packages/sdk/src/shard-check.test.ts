import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Diagnostic } from "@onething/schemas";
import { checkAndResolve } from "./check.js";
import { sortDiagnostics } from "./diagnostics.js";
import { parseSource } from "@onething/dsl";
import type { ParsedDocument } from "@onething/dsl";
import { checkShard, sharedDocuments, shardFacts, shardsAreSound } from "./shard-check.js";
import type { ShardFacts } from "./shard-check.js";

const repository = fileURLToPath(new URL("../../../", import.meta.url));
const TODAY = "2026-06-30";
/** How many provinces of the generated corpus the test keeps (those with the most cities). */
const PROVINCES = 3;

let folder = "";
/** The generated project's files by path: national lists, three provinces and their cities. */
let corpus: Record<string, string> = {};

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "onething-shards-"));
  execFileSync(process.execPath, [join(repository, "bench/generate.mjs"), "--variant", "a", "--scale", "0.25", "--out", folder], { stdio: "ignore" });
  const root = join(folder, "a");
  const cities = (code: string) => readdirSync(join(root, "checklists/cities", code)).length;
  const provinces = readdirSync(join(root, "checklists/cities")).sort((a, b) => cities(b) - cities(a) || (a < b ? -1 : 1)).slice(0, PROVINCES);
  const keep = (path: string) =>
    path === "checklists/taxonomy.yaml" ||
    path.startsWith("checklists/national/") ||
    ["departments", "items"].some((kind) => path === `checklists/${kind}/national.yaml` || provinces.some((code) => path === `checklists/${kind}/${code}.yaml`)) ||
    provinces.some((code) => path === `checklists/provinces/${code}.yaml` || path.startsWith(`checklists/cities/${code}/`));
  for (const name of readdirSync(join(root, "checklists"), { recursive: true, encoding: "utf8" }).sort()) {
    const path = `checklists/${name.split("\\").join("/")}`;
    if (path.endsWith(".yaml") && keep(path)) corpus[path] = readFileSync(join(root, path), "utf8");
  }
  corpus[LEDGER] = ledger(corpus);
}, 60_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A tick-off ledger (shared, as every non-checklist) about a city list (a leaf), so that a shared document depends on a leaf. */
const LEDGER = "checklists/progress/city.yaml";

function ledger(files: Record<string, string>): string {
  const city = Object.keys(files).find((path) => path.startsWith("checklists/cities/")) ?? "";
  const text = files[city] ?? "";
  const id = /\n  id: (\S+)/.exec(text)?.[1] ?? "";
  const matters = [...text.matchAll(/- matter: ([a-z0-9-]+)/g)].slice(0, 3).map((match) => match[1]);
  return [
    "apiVersion: onething/v1",
    "kind: Progress",
    "metadata:",
    `  id: ${id}.progress`,
    "  title: { zh: 对账销号台账, en: Tick-off ledger }",
    "  version: 1.0.0",
    "  jurisdiction: { level: municipal, division: \"440100\" }",
    "spec:",
    `  checklist: { id: ${id}, version: 1.0.0 }`,
    "  asOf: 2026-06-01",
    "  entries:",
    ...matters.flatMap((matter) => [`    - matter: ${matter}`, "      status: landed", "      since: 2025-06"]),
    "",
  ].join("\n");
}

/** The envelope of a small national list. */
const HEADER = (id: string, kind = "Checklist") =>
  `apiVersion: onething/v1\nkind: ${kind}\nmetadata:\n  id: ${id}\n  title: { zh: 清单, en: List }\n  version: 1.0.0\n  jurisdiction: { level: national, division: "100000" }\n  confidence: illustrative\n`;

/** A list whose one matter lists batch 2030-1. */
const LIST = (id: string) =>
  `${HEADER(id)}spec:\n  scope: total\n  matters:\n    - id: m1\n      name: { zh: 事1, en: Matter 1 }\n      subject: enterprise\n      stage: operation\n      batches:\n        - { year: 2030, seq: 1 }\n      confidence: illustrative\n`;

/** Four lists naming batch 2030-1, which only an invalid list (its scope misspelt) defines. */
const SMALL_BATCH: Record<string, string> = {
  ...Object.fromEntries([1, 2, 3, 4].map((n) => [`c/a${n}.yaml`, LIST(`x.a${n}`)])),
  "c/b.yaml": `${HEADER("x.b")}spec:\n  scope: annaul\n  batch: { year: 2030, seq: 1 }\n  matters: []\n`,
};

/** Four lists no one extends, and a local list extending a list that does not exist, one letter from each of them. */
const SMALL_BASE: Record<string, string> = {
  ...Object.fromEntries([1, 2, 3, 4].map((n) => [`c/a${n}.yaml`, LIST(`x.a${n}`)])),
  "c/z.yaml": `${HEADER("x.z")}spec:\n  scope: local\n  extends:\n    - { checklist: x.a }\n  matters: []\n`,
};

/** Five lists and five ledgers, each naming one list and a matter it does not have. */
const SMALL_LEDGERS: Record<string, string> = Object.fromEntries(
  [1, 2, 3, 4, 5].flatMap((n) => [
    [`c/a${n}.yaml`, LIST(`x.a${n}`)],
    [`c/p${n}.yaml`, `${HEADER(`x.p${n}`, "Progress")}spec:\n  checklist: { id: x.a${n}, version: 1.0.0 }\n  asOf: 2025-11-30\n  entries:\n    - matter: nope\n      status: landed\n      since: 2024-10\n`],
  ]),
);

/** Text edits that plant findings of every sort: per-file rules, structure, references, duplicates. */
const MUTATIONS: ReadonlyArray<{ name: string; from: RegExp; to: string }> = [
  { name: "metric after raised", from: /after: \d+/, to: "after: 999" },
  { name: "impossible date", from: /date: "(\d{4})-\d\d"/, to: 'date: "$1-13"' },
  { name: "unknown status", from: /status: landed/, to: "status: half-done" },
  { name: "unknown department", from: /lead: dept\.[a-z0-9.]+/, to: "lead: dept.nowhere" },
  { name: "a department misspelt", from: /lead: dept\.([a-z0-9.]+)/, to: "lead: dept.$1x" },
  { name: "unknown item", from: /ref: item\.([a-z0-9.-]+)/, to: "ref: item.$1-x" },
  { name: "unknown stage", from: /stage: [a-z-]+/, to: "stage: nowhere" },
  { name: "unknown batch", from: /year: 20(\d\d)/, to: "year: 19$1" },
  { name: "a matter defined twice", from: /(\n  matters:\n    - id: )([a-z0-9-]+)([^]*?\n    - id: )[a-z0-9-]+/, to: "$1$2$3$2" },
  { name: "unknown patched matter", from: /- matter: [a-z-]+/, to: "- matter: no-such-matter" },
  { name: "lead among partners", from: /lead: (dept\.[a-z0-9.]+)\n(\s+)partners: \[/, to: "lead: $1\n$2partners: [$1, " },
  { name: "a required field dropped", from: /\n\s+scope: local/, to: "" },
  { name: "the city's id taken from the province", from: /id: cn\.([a-z]+)\.c\d+/, to: "id: cn.$1" },
  { name: "YAML broken", from: /\nspec:/, to: "\nspec: [" },
  { name: "a ledger entry for no such matter", from: /- matter: [a-z0-9-]+\n(\s+)status: landed/, to: "- matter: no-such-matter\n$1status: landed" },
  { name: "a ledger naming a list misspelt", from: /checklist: \{ id: ([a-z0-9.]+),/, to: "checklist: { id: $1x," },
  { name: "a ledger entry overdue", from: /status: landed\n(\s+)since: 2025-06/, to: "status: planned\n$1dueDate: 2025-06-30" },
];

/** The documents of the files, parsed, in path order. */
function parse(files: Record<string, string>): ParsedDocument[] {
  return Object.keys(files)
    .sort()
    .flatMap((path) => parseSource({ path, text: files[path] ?? "" }).document ?? []);
}

/** What the shards find together, or undefined when the algorithm would check the project whole instead. */
function sharded(
  documents: readonly ParsedDocument[],
  owners: readonly number[],
  shards: number,
  rules?: Record<string, "error" | "warning" | "info" | "off">,
): Diagnostic[] | undefined {
  const facts = documents.map(shardFacts);
  if (!shardsAreSound(facts)) return undefined;
  const shared = sharedDocuments(facts);
  const found: Diagnostic[] = [];
  for (let shard = 0; shard < shards; shard += 1) {
    const mine = (at: number) => (owners[at] ?? 0) % shards === shard;
    const result = checkShard(
      documents.filter((_document, at) => shared[at] === true || mine(at)),
      { today: TODAY, own: new Set(documents.filter((_document, at) => mine(at)).map((document) => document.path)), ...(rules === undefined ? {} : { rules }) },
    );
    if (!result.sound) return undefined;
    found.push(...result.diagnostics);
  }
  return sortDiagnostics(found);
}

describe("checking in shards", () => {
  test("the leaves are the lists no document extends; everything else is shared", () => {
    const documents = parse(corpus);
    const facts = documents.map(shardFacts);
    const shared = sharedDocuments(facts);
    const leaves = documents.filter((_document, at) => shared[at] !== true).map((document) => document.path);
    expect(leaves.length).toBeGreaterThan(5);
    expect(leaves.every((path) => path.startsWith("checklists/cities/"))).toBe(true);
    expect(documents.filter((document) => document.path.startsWith("checklists/provinces/")).every((document) => shared[documents.indexOf(document)])).toBe(true);
    // The ledger reads as written: its list and matters are found, in the whole project.
    expect(shared[documents.findIndex((document) => document.path === LEDGER)]).toBe(true);
    expect(checkAndResolve(documents, { today: TODAY, origins: false }).diagnostics.filter((diagnostic) => diagnostic.file === LEDGER)).toEqual([]);
  });

  test("a list that defines a batch, or that a ledger names, is shared even when no list extends it", () => {
    const list = { kind: "Checklist", extends: [], batch: false, names: [] } as const;
    const facts: ShardFacts[] = [
      { ...list, id: "cn.national.2026-1", batch: true },
      { ...list, id: "cn.gd.c440100", extends: ["cn.gd"] },
      { ...list, id: "cn.gd.c440200", extends: ["cn.gd"] },
      { kind: "Progress", id: "cn.gd.c440200.progress", extends: [], batch: false, names: ["cn.gd.c440200"] },
      { kind: "DepartmentRegistry", id: "cn.departments", extends: [], batch: false, names: [] },
    ];
    expect(sharedDocuments(facts)).toEqual([true, false, true, true, true]);
    // An invalid list's batch counts, whatever its scope says, as the project index counts it.
    const typo = parse({ "b.yaml": `${HEADER("x.b")}spec:\n  scope: annaul\n  batch: { year: 2030, seq: 1 }\n  matters: []\n` })[0] as ParsedDocument;
    expect(shardFacts(typo).batch).toBe(true);
  });

  test.each([
    // Trusted often: the shards must agree with the whole check.
    ["an invalid list whose batch the others list", SMALL_BATCH, undefined, 10],
    ["ledgers naming lists in other shards, with unknown-checklist turned off", SMALL_LEDGERS, { "unknown-checklist": "off" } as const, 10],
    // Never trusted: the hint of unknown-base names the nearest list, which may be in another shard.
    ["a base misspelt, its nearest ids being lists in other shards", SMALL_BASE, undefined, 0],
  ])("%s: every sound sharding finds what the whole check finds", (_name, files, rules, minimum) => {
    const documents = parse(files);
    const whole = checkAndResolve(documents, { today: TODAY, origins: false, ...(rules === undefined ? {} : { rules }) }).diagnostics;
    expect(whole.length).toBeGreaterThan(0);
    let trusted = 0;
    fc.assert(
      fc.property(fc.array(fc.nat(3), { minLength: documents.length, maxLength: documents.length }), fc.integer({ min: 2, max: 3 }), (owners, shards) => {
        const together = sharded(documents, owners, shards, rules);
        if (together === undefined) return;
        trusted += 1;
        expect(together).toEqual(whole);
      }),
      { numRuns: 40, seed: 20261130 },
    );
    if (minimum > 0) expect(trusted).toBeGreaterThan(minimum);
    else expect(trusted).toBe(0);
  });

  test("a duplicated metadata.id is caught before the shards are trusted", () => {
    const city: ShardFacts = { kind: "Checklist", id: "cn.gd.c440100", extends: ["cn.gd"], batch: false, names: [] };
    expect(shardsAreSound([city, city])).toBe(false);
    expect(shardsAreSound([city, { ...city, id: "cn.gd.c440200" }])).toBe(true);
  });

  test("whenever every shard is sound, the shards together find exactly what checking the whole project finds", () => {
    const paths = Object.keys(corpus).filter((path) => path === LEDGER || path.startsWith("checklists/cities/") || path.startsWith("checklists/provinces/"));
    let trusted = 0;
    let trustedWithFindings = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ file: fc.constantFrom(...paths), mutation: fc.constantFrom(...MUTATIONS) }), { maxLength: 3 }),
        fc.array(fc.nat(7), { minLength: 64, maxLength: 64 }),
        fc.integer({ min: 1, max: 3 }),
        (edits, owners, shards) => {
          const files = { ...corpus };
          for (const { file, mutation } of edits) files[file] = (files[file] ?? "").replace(mutation.from, mutation.to);
          const documents = parse(files);
          const whole = checkAndResolve(documents, { today: TODAY, origins: false }).diagnostics;
          const together = sharded(documents, documents.map((_document, at) => owners[at % owners.length] ?? 0), shards);
          if (together === undefined) return;
          trusted += 1;
          if (together.length > 0) trustedWithFindings += 1;
          expect(together).toEqual(whole);
        },
      ),
      { numRuns: 15, seed: 20261130 },
    );
    // The comparison must have run, and on projects with findings, not only on clean ones.
    expect(trusted).toBeGreaterThan(5);
    expect(trustedWithFindings).toBeGreaterThan(2);
  }, 120_000);

  test("a ledger naming no list makes its shard unsound (the hint looks at every list), never a wrong finding", () => {
    const documents = parse({ ...corpus, [LEDGER]: (corpus[LEDGER] ?? "").replace(/checklist: \{ id: [^,]+,/, "checklist: { id: cn.nowhere,") });
    const shared = sharedDocuments(documents.map(shardFacts));
    const result = checkShard(
      documents.filter((_document, at) => shared[at] === true),
      { today: TODAY, own: new Set([LEDGER]) },
    );
    expect(result.sound).toBe(false);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain("unknown-checklist");
  });

  test("an unknown department in a leaf is a finding the leaf's shard makes alone", () => {
    const files = { ...corpus };
    const city = Object.keys(files).find((path) => path.startsWith("checklists/cities/")) as string;
    files[city] = (files[city] ?? "").replace(/lead: dept\.[a-z0-9.]+/, "lead: dept.nowhere");
    const documents = parse(files);
    const shared = sharedDocuments(documents.map(shardFacts));
    const result = checkShard(
      documents.filter((document, at) => shared[at] === true || document.path === city),
      { today: TODAY, own: new Set([city]) },
    );
    expect(result.sound).toBe(true);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain("unknown-department");
  });
});
