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
  { name: "a ledger entry overdue", from: /status: landed\n(\s+)since: 2025-06/, to: "status: planned\n$1dueDate: 2025-06-30" },
];

/** The documents of the files, parsed, in path order. */
function parse(files: Record<string, string>): ParsedDocument[] {
  return Object.keys(files)
    .sort()
    .flatMap((path) => parseSource({ path, text: files[path] ?? "" }).document ?? []);
}

/** What the shards find together, or undefined when the algorithm would check the project whole instead. */
function sharded(documents: readonly ParsedDocument[], owners: readonly number[], shards: number): Diagnostic[] | undefined {
  const facts = documents.map(shardFacts);
  if (!shardsAreSound(facts)) return undefined;
  const shared = sharedDocuments(facts);
  const found: Diagnostic[] = [];
  for (let shard = 0; shard < shards; shard += 1) {
    const mine = (at: number) => (owners[at] ?? 0) % shards === shard;
    const result = checkShard(
      documents.filter((_document, at) => shared[at] === true || mine(at)),
      { today: TODAY, own: new Set(documents.filter((_document, at) => mine(at)).map((document) => document.path)) },
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

  test("an annual list is shared even when no list extends it: it defines the batches every list refers to", () => {
    const annual: ShardFacts = { kind: "Checklist", id: "cn.national.2026-1", extends: [], annual: true };
    const leaf: ShardFacts = { kind: "Checklist", id: "cn.gd.c440100", extends: ["cn.gd"], annual: false };
    const registry: ShardFacts = { kind: "DepartmentRegistry", id: "cn.departments", extends: [], annual: false };
    expect(sharedDocuments([annual, leaf, registry])).toEqual([true, false, true]);
  });

  test("a duplicated metadata.id is caught before the shards are trusted", () => {
    const city: ShardFacts = { kind: "Checklist", id: "cn.gd.c440100", extends: ["cn.gd"], annual: false };
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

  test("a ledger naming a list another shard holds makes the shard unsound, never a wrong finding", () => {
    const documents = parse(corpus);
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
