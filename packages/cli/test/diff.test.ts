import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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

function gitAt(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=onething test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8" });
}

function git(...args: string[]): string {
  return gitAt(repo, ...args);
}

async function runAt(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = createIo({ cwd });
  const code = await main(["diff", "--lang", "en", ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runAt(repo, ...argv);
}

/** Commits the working tree's checklists on a branch of its own, leaving HEAD, the index and the working tree as they are. */
function branchOfWorkingTree(name: string): void {
  const env = { ...process.env, GIT_INDEX_FILE: join(repo, ".git", `${name}-index`) };
  execFileSync("git", ["add", "checklists"], { cwd: repo, env });
  const tree = execFileSync("git", ["write-tree"], { cwd: repo, env, encoding: "utf8" }).trim();
  const commit = git("commit-tree", tree, "-p", "HEAD", "-m", name).trim();
  git("update-ref", `refs/heads/${name}`, commit);
}

/** Each change of a JSON diff as "check file:line" of its newer place, else its older one. */
function changeLines(json: string): string[] {
  const changes = JSON.parse(json).changes as { check: string; locations: { before?: { file: string; line: number }; after?: { file: string; line: number } } }[];
  return changes.map((change) => {
    const place = change.locations.after ?? change.locations.before;
    return `${change.check} ${place?.file}:${place?.line}`;
  });
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
    branchOfWorkingTree("edited");
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
    // A second argument that is neither a path nor a ref is still a path, and one that is nowhere.
    expect((await run("HEAD", "no-such-thing")).err).toBe('Cannot read "no-such-thing": it is neither in the working tree nor at HEAD.\n');
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

describe("onething diff [<ref> [<ref>]] -- [paths…]", () => {
  beforeAll(() => branchOfWorkingTree("separated"));

  test("refs before --, paths after: the same comparisons as without it", async () => {
    const national = await run("HEAD", "checklists/national", "--format", "json");
    expect(changeLines(national.out)).toEqual(["metric-changed checklists/national/2024-1.yaml:44", "metric-changed checklists/national/2024-1.yaml:46"]);
    expect(await run("--format", "json", "HEAD", "--", "checklists/national")).toEqual(national);
    // No ref before --: HEAD against the working tree of the paths after it.
    expect(await run("--format", "json", "--", "checklists/national")).toEqual(national);
    expect(await run("--format", "json", "--")).toEqual(await run("--format", "json"));
    const refs = await run("--format", "json", "HEAD", "separated", "--", "checklists/national");
    expect([refs.code, changeLines(refs.out)]).toEqual([0, changeLines(national.out)]);
    // Nothing staged: the index is HEAD.
    const staged = await run("--staged", "--fail-on", "any", "--", "checklists");
    expect([staged.code, staged.err]).toEqual([0, ""]);
  });

  test("a path after -- is never a ref, even one naming a commit", async () => {
    // Without --, "separated" is no path but names a commit: the newer version's ref.
    expect((await run("HEAD", "separated", "--format", "json")).code).toBe(0);
    const path = await run("HEAD", "--", "separated");
    expect([path.code, path.err]).toEqual([2, 'Cannot read "separated": it is neither in the working tree nor at HEAD.\n']);
  });

  test("an option after -- is a path that is nowhere: exit 2 saying so, never a comparison without it", async () => {
    // Before --, --fail-on any fails on the two changes.
    expect((await run("--fail-on", "any", "HEAD", "--", "checklists")).code).toBe(1);
    for (const argv of [
      ["HEAD", "--", "checklists", "--fail-on", "any"],
      ["--", "checklists", "--fail-on", "any"],
      ["HEAD", "--", "checklists", "--staged"],
      // An option explains the words after it: it is the one told, wherever it stands.
      ["HEAD", "--", "any", "checklists", "--fail-on"],
    ]) {
      const option = argv.find((word, place) => place > argv.indexOf("--") && word.startsWith("-")) as string;
      expect([argv, await run(...argv)]).toEqual([argv, { code: 2, out: "", err: `"${option}" comes after --, so it was taken as a path; put options before --.\n` }]);
    }
    const zh = createIo({ cwd: repo });
    expect(await main(["diff", "HEAD", "--", "checklists", "--format", "json"], zh)).toBe(2);
    expect([zh.out(), zh.err()]).toEqual(["", "“--format”写在 -- 之后，被当作路径；选项请写在 -- 之前。\n"]);
  });

  test("a mistyped path is a usage error naming it, with -- or without, never skipped", async () => {
    for (const argv of [
      ["HEAD", "--", "checklists/nationl", "checklists"],
      ["--", "checklists", "checklists/nationl"],
      ["HEAD", "checklists", "checklists/nationl"],
    ]) {
      expect([argv, await run("--fail-on", "any", ...argv)]).toEqual([argv, { code: 2, out: "", err: 'Cannot read "checklists/nationl": it is neither in the working tree nor at HEAD.\n' }]);
    }
    expect((await run("HEAD", "separated", "--", "checklists", "nope")).err).toBe('Cannot read "nope": it is neither in the working tree nor at HEAD or separated.\n');
    expect((await run("HEAD", "separated", "checklists", "nope")).err).toBe('Cannot read "nope": it is neither in the working tree nor at HEAD or separated.\n');
    expect((await run("--staged", "--", "checklists", "nope")).err).toBe('Cannot read "nope": it is neither in the working tree nor at HEAD or in the index.\n');
    const staged = createIo({ cwd: repo });
    expect(await main(["diff", "--staged", "--", "checklists/nationl"], staged)).toBe(2);
    expect(staged.err()).toBe("无法读取路径“checklists/nationl”：工作区中没有，git 引用 HEAD 中也没有，暂存区中也没有。\n");
  });

  test("a path only in the index is compared with --staged", async () => {
    const index = join(repo, ".git", "index");
    const saved = readFileSync(index);
    const extra = join(repo, "checklists", "extra.yaml");
    cpSync(join(repo, "checklists", "national", "2024-1.yaml"), extra);
    try {
      git("add", "checklists/extra.yaml");
      rmSync(extra);
      const added = await run("--staged", "--format", "json", "--", "checklists/extra.yaml");
      expect([added.code, added.err, changeLines(added.out)]).toEqual([0, "", ["document-added checklists/extra.yaml:8"]]);
      // Without --staged the working tree is compared, and the path is in neither it nor HEAD.
      expect((await run("--", "checklists/extra.yaml")).err).toBe('Cannot read "checklists/extra.yaml": it is neither in the working tree nor at HEAD.\n');
    } finally {
      writeFileSync(index, saved);
      rmSync(extra, { force: true });
    }
  });

  test("a path deleted in the working tree but present at the ref is compared: its documents are removed", async () => {
    const national = join(repo, "checklists", "national");
    const aside = join(repo, "national-aside");
    renameSync(national, aside);
    try {
      // Without --, a lone argument that is no path is a ref, and this one names none.
      expect((await run("checklists/national")).code).toBe(2);
      const removed = await run("--format", "json", "--fail-on", "breaking", "--", "checklists/national");
      expect([removed.code, removed.err]).toEqual([1, ""]);
      expect(changeLines(removed.out)).toEqual(["document-removed checklists/national/2024-1.yaml:8"]);
      expect(changeLines((await run("--format", "json", "HEAD", "--", "checklists/national/2024-1.yaml")).out)).toEqual(changeLines(removed.out));
    } finally {
      renameSync(aside, national);
    }
  });

  test("more than two refs, a ref naming no commit before --, and --staged with two refs exit with 2", async () => {
    const many = await run("HEAD", "separated", "HEAD", "--", "checklists");
    expect([many.code, many.err]).toEqual([2, "At most two git refs may come before --, got 3: HEAD, separated, HEAD. Put paths after --.\n"]);
    const folder = await run("checklists", "--", "checklists/national");
    expect([folder.code, folder.err]).toEqual([2, '"checklists" comes before --, so it must be a git ref naming a commit, but it does not exist or names no commit; put paths after --.\n']);
    const second = await run("HEAD", "no-such-branch", "--");
    expect(second.code).toBe(2);
    expect(second.err).toContain('"no-such-branch" comes before --');
    const staged = await run("HEAD", "separated", "--staged", "--");
    expect([staged.code, staged.err]).toEqual([2, "--staged compares the index with one ref; it cannot be used with two git refs.\n"]);
    const io = createIo({ cwd: repo });
    expect(await main(["diff", "a", "b", "c", "--"], io)).toBe(2);
    expect(io.err()).toBe("-- 之前至多有两个 git 引用，收到 3 个：a、b、c。路径请写在 -- 之后。\n");
  });

  test("--help says what -- does, in Chinese and in English", async () => {
    const zh = createIo({ cwd: repo });
    await main(["diff", "--help"], zh);
    // Options go before --, in the usage lines too; with --staged, HEAD is compared with the index.
    expect(zh.out()).toContain("onething diff [<git 引用>] [--staged] [选项] [--] [路径…]\n");
    expect(zh.out()).toContain("onething diff <git 引用> <git 引用> [选项] [--] [路径…]\n");
    expect(zh.out()).toContain("不写时为 HEAD（与工作区比较，--staged 时与暂存区比较）");
    expect(zh.out()).toContain("选项请写在 -- 之前");
    const en = (await run("--help")).out;
    expect(en).toContain("onething diff [<git-ref>] [--staged] [options] [--] [paths…]\n");
    expect(en).toContain("onething diff <git-ref> <git-ref> [options] [--] [paths…]\n");
    expect(en).toContain("As in git, -- separates refs from paths");
    expect(en.replace(/\s+/gu, " ")).toContain("none means HEAD, against the working tree or, with --staged, the index");
    expect(en.replace(/\s+/gu, " ")).toContain("put options before --");
  });
});

describe("onething diff <ref> <ref> without paths", () => {
  test("reads checklists when either commit has it, whatever the working tree holds", async () => {
    const project = mkdtempSync(join(tmpdir(), "onething-diff-refs-"));
    try {
      cpSync(join(fixtures, "_context"), join(project, "checklists"), { recursive: true });
      cpSync(join(fixtures, "trips-regressed/before"), join(project, "checklists"), { recursive: true });
      // A YAML file outside checklists that is no onething document: reading "." would stop at it.
      writeFileSync(join(project, "compose.yaml"), "services:\n  web: { image: nginx }\n");
      gitAt(project, "init", "-q");
      gitAt(project, "add", ".");
      gitAt(project, "commit", "-q", "-m", "before");
      cpSync(join(fixtures, "trips-regressed/after"), join(project, "checklists"), { recursive: true });
      gitAt(project, "commit", "-q", "-a", "-m", "after");
      // A working tree without checklists (a sparse checkout, say).
      rmSync(join(project, "checklists"), { recursive: true });
      const result = await runAt(project, "HEAD~1", "HEAD", "--format", "json");
      expect([result.code, result.err]).toEqual([0, ""]);
      expect(changeLines(result.out)).toEqual(["metric-changed checklists/national/2024-1.yaml:44", "metric-changed checklists/national/2024-1.yaml:46"]);
      expect(await runAt(project, "--format", "json", "HEAD~1", "HEAD", "--")).toEqual(result);
      // With one ref the working tree is a version: no checklists there, so the whole folder, compose.yaml too.
      expect((await runAt(project, "HEAD")).err).toContain("compose.yaml");
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  /**
   * A project of two commits with a compose.yaml (no onething document: reading "." stops at it) in both and the
   * lists of trips-regressed/before in `has` only, for `test` to compare them by the default paths.
   */
  async function onlyOneCommitHasChecklists(has: "older" | "newer", test: (project: string) => Promise<void>): Promise<void> {
    const project = mkdtempSync(join(tmpdir(), "onething-diff-one-"));
    const lists = () => {
      cpSync(join(fixtures, "_context"), join(project, "checklists"), { recursive: true });
      cpSync(join(fixtures, "trips-regressed/before"), join(project, "checklists"), { recursive: true });
    };
    try {
      writeFileSync(join(project, "compose.yaml"), "services:\n  web: { image: nginx }\n");
      if (has === "older") lists();
      gitAt(project, "init", "-q");
      gitAt(project, "add", ".");
      gitAt(project, "commit", "-q", "-m", "older");
      if (has === "older") rmSync(join(project, "checklists"), { recursive: true });
      else lists();
      gitAt(project, "add", "-A", ".");
      gitAt(project, "commit", "-q", "-m", "newer");
      await test(project);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }

  test("reads checklists when only the older commit has it: its documents are removed", async () => {
    await onlyOneCommitHasChecklists("older", async (project) => {
      const result = await runAt(project, "HEAD~1", "HEAD", "--format", "json", "--fail-on", "breaking");
      expect([result.code, result.err]).toEqual([1, ""]);
      expect(changeLines(result.out)).toEqual(["departments/national.yaml:7", "items/national.yaml:9", "national/2024-1.yaml:8", "taxonomy.yaml:11"].map((place) => `document-removed checklists/${place}`));
    });
  });

  test("reads checklists when only the newer commit has it: its documents are added", async () => {
    await onlyOneCommitHasChecklists("newer", async (project) => {
      const result = await runAt(project, "HEAD~1", "HEAD", "--format", "json");
      expect([result.code, result.err]).toEqual([0, ""]);
      expect(changeLines(result.out)).toEqual(["departments/national.yaml:7", "items/national.yaml:9", "national/2024-1.yaml:8", "taxonomy.yaml:11"].map((place) => `document-added checklists/${place}`));
    });
  });
});

describe("onething diff in a repository with no commit yet", () => {
  test("HEAD, implied or written, is told to be missing because nothing was committed, in Chinese and in English", async () => {
    const fresh = mkdtempSync(join(tmpdir(), "onething-diff-fresh-"));
    try {
      gitAt(fresh, "init", "-q");
      cpSync(join(fixtures, "_context"), join(fresh, "checklists"), { recursive: true });
      const message = "The repository has no commit yet: commit once, or compare two paths: onething diff <before> <after>.\n";
      for (const argv of [[], ["--"], ["HEAD"], ["HEAD", "--"], ["--staged"], ["HEAD", "--", "checklists"]]) {
        expect([argv, await runAt(fresh, ...argv)]).toEqual([argv, { code: 2, out: "", err: message }]);
      }
      const zh = createIo({ cwd: fresh });
      expect(await main(["diff", "HEAD", "--"], zh)).toBe(2);
      expect(zh.err()).toBe("仓库还没有任何提交：先提交一次，或直接比较两个路径：onething diff <旧路径> <新路径>。\n");
      // Another ref that names no commit is still told so.
      expect((await runAt(fresh, "main", "--")).err).toContain('"main" comes before --');
      // Two paths need no commit.
      expect((await runAt(fresh, "checklists", "checklists")).code).toBe(0);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

describe("onething diff when git fails while reading", () => {
  test("a damaged object store is a usage error on one line, in git's own words, with nothing on stdout", async () => {
    const damaged = mkdtempSync(join(tmpdir(), "onething-diff-damaged-"));
    try {
      cpSync(repo, damaged, { recursive: true });
      // Cut a committed list's object short, as a full disk or a killed writer leaves it.
      const object = gitAt(damaged, "rev-parse", "HEAD:checklists/national/2024-1.yaml").trim();
      const stored = join(damaged, ".git", "objects", object.slice(0, 2), object.slice(2));
      const bytes = readFileSync(stored);
      rmSync(stored);
      writeFileSync(stored, bytes.subarray(0, bytes.length >> 1));
      const result = await runAt(damaged, "HEAD", "--", "checklists");
      expect([result.code, result.out]).toEqual([2, ""]);
      expect(result.err).toMatch(/^A git command failed: fatal: .*\n$/u);
    } finally {
      rmSync(damaged, { recursive: true, force: true });
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
