import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { diffDocuments, DIFF_FORMATS, renderDiff } from "@onething/sdk";
import { parseVersion, readWorkingPair, readWorkingTree } from "../src/commands/diff-sources.js";
import { main } from "../src/index.js";
import { createIo } from "./helpers.js";

// `onething diff` against a real temporary git repository: commit the diff package's trips-regressed
// "before" fixture, edit the working tree, then compare with HEAD, the index and two folders.
const fixtures = fileURLToPath(new URL("../../diff/fixtures/", import.meta.url));
let repo: string;

function git(...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=onething test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args], { cwd: repo, encoding: "utf8" });
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = createIo({ cwd: repo });
  const code = await main(["diff", "--lang", "en", ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "onething-diff-"));
  cpSync(join(fixtures, "_context"), join(repo, "checklists"), { recursive: true });
  cpSync(join(fixtures, "trips-regressed/before"), join(repo, "checklists"), { recursive: true });
  git("init", "-q");
  git("add", ".");
  git("commit", "-q", "-m", "initial");
  cpSync(join(fixtures, "trips-regressed/after"), join(repo, "checklists"), { recursive: true });
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
});

describe("onething diff <git-ref>", () => {
  test("compares the working tree with HEAD by default and exits 0 without --fail-on", async () => {
    const result = await run("--format", "json");
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const output = JSON.parse(result.out);
    expect(output.changes.map((change: { check: string; regression?: boolean; locations: { after?: { file: string; line: number } } }) => `${change.check} ${change.regression === true} ${change.locations.after?.file}:${change.locations.after?.line}`)).toEqual([
      "metric-changed false checklists/national/2024-1.yaml:44",
      "metric-changed true checklists/national/2024-1.yaml:46",
    ]);
    expect((await run()).code).toBe(0);
    expect((await run("HEAD", "checklists/national")).out).toContain("trips 1 → 3 (worse)");
  });

  test.each([
    { failOn: "regression", code: 1 },
    { failOn: "any", code: 1 },
    { failOn: "breaking", code: 0 },
    { failOn: "none", code: 0 },
  ])("--fail-on $failOn exits with $code", async ({ failOn, code }) => {
    expect((await run("HEAD", "--fail-on", failOn)).code).toBe(code);
  });

  test("--staged reads the index, not the working tree", async () => {
    const before = await run("--staged", "--format", "json", "--fail-on", "any");
    expect(before.code).toBe(0);
    expect(JSON.parse(before.out).changes).toEqual([]);
    const index = join(repo, ".git", "index");
    const saved = readFileSync(index);
    try {
      git("add", "checklists");
      const after = await run("HEAD", "--staged", "--fail-on", "regression");
      expect(after.code).toBe(1);
    } finally {
      writeFileSync(index, saved);
    }
  });

  test("two refs compare two commits, both read from git; --staged with two refs exits with 2", async () => {
    // A commit of the working tree on a branch of its own, leaving HEAD, the index and the working tree as they are.
    const env = { ...process.env, GIT_INDEX_FILE: join(repo, ".git", "other-index") };
    execFileSync("git", ["add", "checklists"], { cwd: repo, env });
    const tree = execFileSync("git", ["write-tree"], { cwd: repo, env, encoding: "utf8" }).trim();
    const commit = git("commit-tree", tree, "-p", "HEAD", "-m", "edited").trim();
    git("update-ref", "refs/heads/edited", commit);
    const working = await run("HEAD", "--format", "json");
    const refs = await run("HEAD", "edited", "--format", "json");
    expect(refs.code).toBe(0);
    expect(JSON.parse(refs.out).changes).toEqual(JSON.parse(working.out).changes);
    expect(JSON.parse(refs.out).changes).toHaveLength(2);
    const back = JSON.parse((await run("edited", "HEAD", "checklists/national", "--format", "json")).out);
    expect(back.changes.map((change: { check: string; before: unknown; after: unknown }) => `${change.check} ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`)).toEqual(
      JSON.parse(working.out).changes.map((change: { check: string; before: unknown; after: unknown }) => `${change.check} ${JSON.stringify(change.after)} → ${JSON.stringify(change.before)}`),
    );
    const staged = await run("HEAD", "edited", "--staged");
    expect(staged.code).toBe(2);
    expect(staged.err).toContain("--staged compares the index with one ref");
    // A second argument that is neither a path nor a ref is still a path, with nothing under it.
    expect((await run("HEAD", "no-such-thing")).err).toContain("Nothing to compare");
  });

  test("a ref that does not exist, a bad format and a bad --fail-on exit with 2", async () => {
    const missing = await run("no-such-branch");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('"no-such-branch" does not exist');
    expect((await run("--format", "sarif")).code).toBe(2);
    expect((await run("--fail-on", "warnings")).code).toBe(2);
    expect((await run("--upload-pack=evil")).code).toBe(2);
  });

  test("a file that does not parse exits with 2 and names it", async () => {
    const path = join(repo, "checklists", "broken.yaml");
    writeFileSync(path, "apiVersion: onething/v1\nkind: [\n");
    try {
      const result = await run();
      expect(result.code).toBe(2);
      expect(result.err).toContain("checklists/broken.yaml:");
    } finally {
      rmSync(path);
    }
  });
});

describe("onething diff <before> <after>", () => {
  test("compares two folders and writes markdown to --output", async () => {
    cpSync(join(fixtures, "material-dropped/before"), join(repo, "old"), { recursive: true });
    cpSync(join(fixtures, "material-dropped/after"), join(repo, "new"), { recursive: true });
    const result = await run("old", "new", "--format", "markdown", "--output", "diff.md", "--fail-on", "breaking");
    expect(result.code).toBe(1);
    expect(result.out).toBe("");
    const markdown = readFileSync(join(repo, "diff.md"), "utf8");
    expect(markdown).toContain("🔴 Material");
    expect(markdown).toContain("`old/national/2024-1.yaml:48`");
  });

  test("two folders give, in every format, what parsing every file of both whole gives", async () => {
    for (const [folder, side] of [["v1", "before"], ["v2", "after"]] as const) {
      cpSync(join(fixtures, "_context"), join(repo, folder), { recursive: true });
      cpSync(join(fixtures, `trips-regressed/${side}`), join(repo, folder), { recursive: true });
      // A list the same in both, read by its head only (its bytes are not kept).
      writeFileSync(
        join(repo, folder, "unchanged.yaml"),
        "apiVersion: onething/v1\nkind: Checklist\nmetadata:\n  id: cn.unchanged\n  title: { zh: 不变的清单, en: Unchanged list }\nspec:\n  scope: national\n  matters:\n    - id: newborn-birth\n      name: { zh: 出生一件事, en: Having a baby }\n",
      );
    }
    const pair = await readWorkingPair({ cwd: repo, before: "v1", after: "v2", lang: "en" });
    expect(pair.after.find((file) => file.path === "v2/unchanged.yaml")?.unchanged).toBeDefined();
    const read = async (path: string) => parseVersion(await readWorkingTree({ cwd: repo, path, lang: "en" }), "en");
    const reference = diffDocuments({ before: await read("v1"), after: await read("v2") });
    expect(reference.changes.length).toBeGreaterThan(0);
    expect(reference.documents.map((document) => document.id)).toContain("cn.unchanged");
    for (const format of DIFF_FORMATS.filter((candidate) => candidate !== "github")) {
      const result = await run("v1", "v2", "--format", format);
      expect([format, result.code, result.out]).toEqual([format, 0, renderDiff(reference, { format, lang: "en", color: false })]);
    }
  });

  test("github annotations point at the new line, removals at the old one", async () => {
    const result = await run("old/national/2024-1.yaml", "new/national/2024-1.yaml", "--format", "github");
    expect(result.code).toBe(0);
    expect(result.out.split("\n")[0]).toMatch(/^::warning file=old\/national\/2024-1\.yaml,line=48,col=11,title=material-removed/u);
  });
});
