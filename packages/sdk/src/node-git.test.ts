import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GIT_DIAGNOSTICS, GIT_INDEX, loadProjectAtRef, readGitFiles, readWorkingFiles, runGitCommand } from "./node.js";
import type { GitFilesResult } from "./node.js";

const fixtures = fileURLToPath(new URL("../../cli/test/fixtures/broken/", import.meta.url));
const committedTaxonomy = readFileSync(join(fixtures, "taxonomy.yaml"), "utf8");
const editedTaxonomy = committedTaxonomy.replace("title: { zh: 测试用分类, en: Test taxonomy }", "title: { zh: 改过的分类, en: Edited taxonomy }");

let repo = "";
let outside = "";

function git(...args: string[]): void {
  execFileSync("git", ["-C", repo, "-c", "user.name=t", "-c", "user.email=t@t", ...args], { stdio: "ignore" });
}

function texts(result: GitFilesResult): Record<string, string> {
  return Object.fromEntries(result.files.map((file) => [file.path, new TextDecoder().decode(file.text)]));
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "onething-git-"));
  outside = mkdtempSync(join(tmpdir(), "onething-nogit-"));
  mkdirSync(join(repo, "checklists"));
  copyFileSync(join(fixtures, "taxonomy.yaml"), join(repo, "checklists", "taxonomy.yaml"));
  copyFileSync(join(fixtures, "departments.yaml"), join(repo, "checklists", "departments.yaml"));
  writeFileSync(join(repo, "README.md"), "not yaml\n");
  git("init", "--quiet");
  git("add", ".");
  git("commit", "--quiet", "-m", "first");
  writeFileSync(join(repo, "checklists", "taxonomy.yaml"), editedTaxonomy);
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe("readGitFiles", () => {
  test("reads the committed YAML files at HEAD, not the edited working tree", async () => {
    const result = await readGitFiles({ root: repo, ref: "HEAD" });
    expect(result.diagnostics).toEqual([]);
    expect(Object.keys(texts(result))).toEqual(["checklists/departments.yaml", "checklists/taxonomy.yaml"]);
    expect(texts(result)["checklists/taxonomy.yaml"]).toBe(committedTaxonomy);
  });

  test("reads the staged text from the index once the edit is added", async () => {
    expect(texts(await readGitFiles({ root: repo, ref: GIT_INDEX }))["checklists/taxonomy.yaml"]).toBe(committedTaxonomy);
    git("add", "checklists/taxonomy.yaml");
    const staged = await readGitFiles({ root: repo, ref: GIT_INDEX, paths: ["checklists/taxonomy.yaml"] });
    expect(staged.diagnostics).toEqual([]);
    expect(texts(staged)).toEqual({ "checklists/taxonomy.yaml": editedTaxonomy });
    expect(texts(await readGitFiles({ root: repo, ref: "HEAD" }))["checklists/taxonomy.yaml"]).toBe(committedTaxonomy);
  });

  test("paths are relative to a root inside the repository", async () => {
    const result = await readGitFiles({ root: join(repo, "checklists"), ref: "HEAD", paths: ["departments.yaml"] });
    expect(result.diagnostics).toEqual([]);
    expect(result.files.map((file) => file.path)).toEqual(["departments.yaml"]);
  });

  test.each([
    { name: "an unknown ref", root: () => repo, ref: "no-such-branch", code: "git-ref-unknown" },
    { name: "a ref that looks like an option", root: () => repo, ref: "--upload-pack=evil", code: "git-ref-invalid" },
    { name: "an empty ref", root: () => repo, ref: "", code: "git-ref-invalid" },
    { name: "a folder outside any repository", root: () => outside, ref: "HEAD", code: "git-not-a-repository" },
  ])("$name is a file-less $code diagnostic, not a throw", async ({ root, ref, code }) => {
    const result = await readGitFiles({ root: root(), ref });
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([[code, "error", undefined]]);
  });

  test("a path escaping the root is refused with path-outside-root; the other paths are still read", async () => {
    const result = await readGitFiles({ root: join(repo, "checklists"), ref: "HEAD", paths: ["../README.md", "taxonomy.yaml"] });
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([["path-outside-root", "../README.md"]]);
    expect(result.files.map((file) => file.path)).toEqual(["taxonomy.yaml"]);
  });

  test("paths: [] reads nothing but still checks the ref", async () => {
    expect(await readGitFiles({ root: repo, ref: "HEAD", paths: [] })).toEqual({ files: [], diagnostics: [] });
    expect((await readGitFiles({ root: repo, ref: "nope", paths: [] })).diagnostics.map((d) => d.code)).toEqual(["git-ref-unknown"]);
  });

  test("the unknown-ref message names the ref in both languages", async () => {
    const [diagnostic] = (await readGitFiles({ root: repo, ref: "no-such-branch" })).diagnostics;
    expect(diagnostic?.message).toMatchInlineSnapshot(`
      {
        "en": "The git ref "no-such-branch" does not exist or names no commit.",
        "zh": "git 引用“no-such-branch”不存在，或不指向提交。",
      }
    `);
  });
});

describe("loadProjectAtRef", () => {
  test("loads the committed documents with their ids and no errors", async () => {
    const project = await loadProjectAtRef({ root: repo, ref: "HEAD", today: "2025-07-01" });
    expect(project.root).toBe(repo);
    expect(project.documents.map((d) => [d.path, d.id])).toEqual([
      ["checklists/departments.yaml", "fixture.departments"],
      ["checklists/taxonomy.yaml", "fixture.taxonomy"],
    ]);
    expect(project.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(project.index.departments.has("dept.nhc")).toBe(true);
    const taxonomy = project.documents.find((d) => d.id === "fixture.taxonomy");
    expect(taxonomy?.text).toBe(committedTaxonomy);
  });

  test("carries git's findings in diagnostics, with an empty project", async () => {
    const project = await loadProjectAtRef({ root: repo, ref: "no-such-branch" });
    expect(project.diagnostics.map((d) => d.code)).toEqual(["git-ref-unknown"]);
    expect([project.documents.length, project.checklists.size]).toEqual([0, 0]);
  });
});

describe("docs/rules.md", () => {
  const docs = readFileSync(fileURLToPath(new URL("../../../docs/rules.md", import.meta.url)), "utf8");
  const section = docs.slice(docs.indexOf("### Git diagnostics (@onething/sdk/node)"));
  test.each(Object.entries(GIT_DIAGNOSTICS))("lists %s with its severity in the git section", (code, info) => {
    expect(docs).toContain("### Git diagnostics (@onething/sdk/node)");
    expect(section).toContain(`| \`${code}\` | ${info.severity} |`);
  });
});

describe("readWorkingFiles and runGitCommand", () => {
  test("the working tree lists the same files as git, with the edit, and skips dot-folders", async () => {
    mkdirSync(join(repo, "checklists", ".hidden"), { recursive: true });
    writeFileSync(join(repo, "checklists", ".hidden", "x.yaml"), "a: 1\n");
    const working = await readWorkingFiles({ root: repo, path: "checklists" });
    const committed = await readGitFiles({ root: repo, ref: "HEAD", paths: ["checklists"] });
    expect(working.diagnostics).toEqual([]);
    expect(working.files.map((file) => file.path)).toEqual(committed.files.map((file) => file.path));
    expect(texts(working)["checklists/taxonomy.yaml"]).toBe(editedTaxonomy);
    rmSync(join(repo, "checklists", ".hidden"), { recursive: true, force: true });
  });

  test("a missing path and a path outside the root are diagnostics with a location", async () => {
    const missing = await readWorkingFiles({ root: repo, path: "nowhere" });
    expect(missing.diagnostics.map((d) => [d.code, d.range?.start.line])).toEqual([["path-not-found", 1]]);
    const escaping = await readWorkingFiles({ root: repo, path: "../elsewhere" });
    expect(escaping.diagnostics.map((d) => d.code)).toEqual(["path-outside-root"]);
  });

  test("runGitCommand gives stdout, or the diagnostic outside a repository", async () => {
    const head = await runGitCommand({ root: repo, args: ["rev-parse", "HEAD"] });
    expect(head.ok && /^[0-9a-f]{40}$/u.test(new TextDecoder().decode(head.stdout).trim())).toBe(true);
    const none = await runGitCommand({ root: outside, args: ["rev-parse", "HEAD"] });
    expect(none.ok ? undefined : none.diagnostic.code).toBe("git-not-a-repository");
  });
});

describe("readGitFiles reads every blob through one git process", () => {
  let many = "";
  afterAll(() => rmSync(many, { recursive: true, force: true }));

  test("many files, an empty one and one without a final line break come back byte for byte; a missing object is a finding of its own", async () => {
    many = mkdtempSync(join(tmpdir(), "onething-git-many-"));
    const run = (...args: string[]) => execFileSync("git", ["-C", many, "-c", "user.name=t", "-c", "user.email=t@t", ...args], { encoding: "utf8" });
    mkdirSync(join(many, "lists"));
    const written: Record<string, string> = { "lists/empty.yaml": "", "lists/no-break.yaml": "kind: Checklist" };
    for (let index = 0; index < 120; index += 1) written[`lists/l${String(index).padStart(3, "0")}.yaml`] = `# 清单 ${index}\n${"x: 数据\n".repeat(index * 50)}`;
    for (const [path, text] of Object.entries(written)) writeFileSync(join(many, path), text);
    run("init", "--quiet");
    run("add", ".");
    run("commit", "--quiet", "-m", "many");
    const read = await readGitFiles({ root: many, ref: "HEAD", paths: ["lists"] });
    expect(read.diagnostics).toEqual([]);
    expect(texts(read)).toEqual(written);
    // Remove one blob from git's store: that file is a git-failed finding; the others are still read.
    const object = run("rev-parse", "HEAD:lists/l007.yaml").trim();
    rmSync(join(many, ".git", "objects", object.slice(0, 2), object.slice(2)));
    const broken = await readGitFiles({ root: many, ref: "HEAD", paths: ["lists"] });
    expect(broken.diagnostics.map((d) => [d.code, d.file])).toEqual([["git-failed", "lists/l007.yaml"]]);
    expect(broken.files.length).toBe(Object.keys(written).length - 1);
    expect(texts(broken)["lists/l100.yaml"]).toBe(written["lists/l100.yaml"]);
  });

  test("a git that dies while reading (a truncated object in a damaged store) is one git-failed finding for the whole read, not one per file", async () => {
    const damaged = mkdtempSync(join(tmpdir(), "onething-git-damaged-"));
    try {
      const run = (...args: string[]) => execFileSync("git", ["-C", damaged, "-c", "user.name=t", "-c", "user.email=t@t", ...args], { encoding: "utf8" });
      mkdirSync(join(damaged, "lists"));
      for (let index = 0; index < 5; index += 1) {
        const lines = Array.from({ length: 2000 }, (_, line) => `x${line}: 数据 ${(line * 7919 + index) % 1000}`);
        writeFileSync(join(damaged, "lists", `l${index}.yaml`), `# 清单 ${index}\n${lines.join("\n")}\n`);
      }
      run("init", "--quiet");
      run("add", ".");
      run("commit", "--quiet", "-m", "five");
      expect((await readGitFiles({ root: damaged, ref: "HEAD", paths: ["lists"] })).files).toHaveLength(5);
      // Cut one blob's loose object short, as a full disk or a killed writer leaves it: its header still reads,
      // so git starts to give it and then dies, with the blobs after it unread.
      const object = run("rev-parse", "HEAD:lists/l2.yaml").trim();
      const stored = join(damaged, ".git", "objects", object.slice(0, 2), object.slice(2));
      const bytes = readFileSync(stored);
      rmSync(stored);
      writeFileSync(stored, bytes.subarray(0, bytes.length >> 1));
      const read = await readGitFiles({ root: damaged, ref: "HEAD", paths: ["lists"] });
      expect(read.files).toEqual([]);
      expect(read.diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([["git-failed", "error", undefined]]);
      const [diagnostic] = read.diagnostics;
      // git's own words, the same in both languages, after each language's lead-in.
      expect(diagnostic?.message.en).toMatch(/^A git command failed: \S/u);
      expect(diagnostic?.message.zh.replace("git 命令失败：", "")).toBe(diagnostic?.message.en.replace("A git command failed: ", ""));
    } finally {
      rmSync(damaged, { recursive: true, force: true });
    }
  });
});
