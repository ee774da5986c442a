import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { main } from "../src/index.js";
import { createIo } from "./helpers.js";

// `onething changeset` and `onething diff --check-changeset` in a real temporary git repository: commit a
// small checklists/ (the diff package's trips-regressed "before" fixture) with a changesets folder, edit
// the data, then check, write the changeset, raise the version and check again.
const fixtures = fileURLToPath(new URL("../../diff/fixtures/", import.meta.url));
const LIST = "checklists/national/2024-1.yaml";
let repo: string;

function git(...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=onething test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args], { cwd: repo, encoding: "utf8" });
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = createIo({ cwd: repo });
  const code = await main(["--lang", "en", ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

function changesets(): string[] {
  return readdirSync(join(repo, ".changeset")).sort();
}

function setVersion(version: string): void {
  const path = join(repo, LIST);
  writeFileSync(path, readFileSync(path, "utf8").replace(/^  version: .*$/mu, `  version: ${version}`));
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "onething-changeset-"));
  cpSync(join(fixtures, "_context"), join(repo, "checklists"), { recursive: true });
  cpSync(join(fixtures, "trips-regressed/before"), join(repo, "checklists"), { recursive: true });
  mkdirSync(join(repo, ".changeset"));
  writeFileSync(join(repo, ".changeset", "README.md"), "# Changesets\n");
  writeFileSync(join(repo, ".changeset", "old.md"), '---\n"@onething/checklists": major\n---\n\nAn earlier release.\n');
  git("init", "-q", "-b", "work");
  git("add", ".");
  git("commit", "-q", "-m", "initial");
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
});

describe("onething changeset and diff --check-changeset", () => {
  test("unchanged data passes the check and needs no changeset", async () => {
    expect(await run("diff", "--check-changeset", "HEAD")).toEqual({ code: 0, out: "✓ The data has no semantic changes; no changeset is needed.\n", err: "" });
    const written = await run("changeset", "--base", "HEAD");
    expect(written.code).toBe(0);
    expect(written.out).toContain("no semantic changes since HEAD");
    expect(changesets()).toEqual(["README.md", "old.md"]);
  });

  test("a change fails the check until it has a changeset and a raised version", async () => {
    cpSync(join(fixtures, "trips-regressed/after"), join(repo, "checklists"), { recursive: true });

    const missing = await run("diff", "--check-changeset", "HEAD");
    expect(missing.code).toBe(1);
    expect(missing.out).toContain("no changeset added since the base declares @onething/checklists");
    expect(missing.out).toContain("cn.national.2024-1 has minor-level changes but its metadata.version 1.0.0 → 1.0.0 was not raised");

    const written = await run("changeset", "--base", "HEAD", "--name", "trips");
    expect(written).toMatchObject({ code: 0, err: "" });
    expect(written.out).toContain(".changeset/trips.md (a minor bump of @onething/checklists)");
    const text = readFileSync(join(repo, ".changeset", "trips.md"), "utf8");
    expect(text.split("\n").slice(0, 4)).toEqual(["---", '"@onething/checklists": minor', "---", ""]);
    expect(text).toContain("**Suggested version bump: minor**");
    expect(text).toContain("checklists/national/2024-1.yaml:46");

    const again = await run("changeset", "--base", "HEAD", "--name", "trips");
    expect(again.code).toBe(2);
    expect(again.err).toContain(".changeset/trips.md already exists");
    expect(readFileSync(join(repo, ".changeset", "trips.md"), "utf8")).toBe(text);

    const unraised = await run("diff", "--check-changeset", "HEAD");
    expect(unraised.code).toBe(1);
    expect(unraised.out).not.toContain("no changeset added");
    expect(unraised.out).toContain("was not raised");

    setVersion("1.0.1");
    const tooLittle = await run("diff", "--check-changeset", "HEAD");
    expect(tooLittle.code).toBe(1);
    expect(tooLittle.out).toContain("was raised by patch");

    setVersion("1.1.0");
    const passed = await run("diff", "--check-changeset", "HEAD");
    expect(passed).toEqual({ code: 0, out: "✓ The data changes (minor) have a changeset (minor) and every changed document raised its version.\n", err: "" });
  });

  test("a changeset that was already at the base does not count; the default name is derived from the changes", async () => {
    rmSync(join(repo, ".changeset", "trips.md"));
    const missing = await run("diff", "--check-changeset", "HEAD");
    expect(missing.code).toBe(1);
    expect(missing.out).toContain("no changeset added since the base");

    const written = await run("changeset", "--base", "HEAD");
    expect(written.code).toBe(0);
    const added = changesets().filter((name) => name !== "README.md" && name !== "old.md");
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^checklists-minor-[0-9a-f]{8}\.md$/u);
    expect((await run("diff", "--check-changeset", "HEAD")).code).toBe(0);
    rmSync(join(repo, ".changeset", added[0] as string));
  });

  test("a changeset with too small a bump fails; without main the default base is HEAD", async () => {
    writeFileSync(join(repo, ".changeset", "small.md"), '---\n"@onething/checklists": patch\n---\n\nToo small.\n');
    const small = await run("diff", "--check-changeset", "HEAD");
    expect(small.code).toBe(1);
    expect(small.out).toContain("declare a patch bump of @onething/checklists (.changeset/small.md (patch)) but the changes call for minor");
    rmSync(join(repo, ".changeset", "small.md"));

    const head = await run("changeset", "--name", "from-head");
    expect(head.out).toContain("from-head.md (a minor bump");
    rmSync(join(repo, ".changeset", "from-head.md"));
  });

  test.each([
    { argv: ["changeset", "checklists"], message: "takes no paths" },
    { argv: ["changeset", "--name", "Bad Name"], message: "--name may hold only" },
    { argv: ["changeset", "--base", "no-such-ref"], message: 'The git ref "no-such-ref" does not exist' },
    { argv: ["diff", "--check-changeset", "HEAD", "--format", "json"], message: "--check-changeset cannot be combined" },
    { argv: ["diff", "--check-changeset", "no-such-ref"], message: 'The git ref "no-such-ref" does not exist' },
  ])("$argv.0 $argv.1 $argv.2 is a usage error", async ({ argv, message }) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });

  test("the check speaks Chinese by default", async () => {
    const io = createIo({ cwd: repo });
    expect(await main(["diff", "--check-changeset", "HEAD"], io)).toBe(1);
    expect(io.out()).toContain("数据有变更，但自基准以来没有新增声明 @onething/checklists 的变更集");
    expect(io.out()).toContain("修复：运行 onething changeset");
  });

  test("the default base is the merge base with main", async () => {
    git("branch", "main", "HEAD");
    git("add", ".");
    git("commit", "-q", "-m", "trips edited");
    expect((await run("changeset", "--base", "HEAD")).out).toContain("no semantic changes since HEAD");
    const written = await run("changeset", "--name", "since-main");
    expect(written.out).toContain("since-main.md (a minor bump");
    expect((await run("diff", "--check-changeset", "main")).code).toBe(0);
  });
});
