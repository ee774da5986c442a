import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { createIo } from "../../test/helpers.js";
import { main } from "../index.js";
import { runStart } from "./edit.js";

const repository = fileURLToPath(new URL("../../../../", import.meta.url));

async function run(argv: string[], env: Record<string, string> = {}) {
  const io = createIo({ cwd: repository, env, isTTY: false });
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

describe("onething edit", () => {
  test.each([
    ["zh", "用法：onething edit [路径]"],
    ["en", "Usage: onething edit [path]"],
  ])("--help in %s", async (lang, heading) => {
    const result = await run(["edit", "--help", "--lang", lang]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(heading);
  });

  test("explains itself and exits 2 without a terminal (vitest's stdin is not one)", async () => {
    const zh = await run(["edit"]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain("需要在终端中运行");
    const en = await run(["edit", "--lang", "en"]);
    expect(en.stderr).toContain("needs a terminal");
  });

  test.each([
    [["edit", "no-such-folder"], "no-such-folder"],
    [["edit", "../outside"], "../outside"],
    [["edit", "checklists", "docs"], "edit"],
  ])("refuses %j with exit 2", async (argv, mention) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(mention);
  });
});

describe("onething start (npm start)", () => {
  test.each([
    ["zh", "用法：onething start [路径]", "在终端中打开编辑器"],
    ["en", "Usage: onething start [path]", "on a terminal it opens the editor"],
  ])("--help in %s says what start does, not the overview's help", async (lang, heading, what) => {
    const result = await run(["start", "--help", "--lang", lang]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(heading);
    expect(result.stdout).toContain(what);
  });

  test("runs the overview when there is no terminal", async () => {
    const result = await run(["start", "checklists"]);
    expect(result.stdout).toContain("onething 清单概览（checklists）");
    expect(result).toEqual(await run(["overview", "checklists"]));
  });

  test("keeps the overview on a terminal when CI=true (Ink would draw only the last frame)", async () => {
    const io = createIo({ cwd: repository, env: { CI: "true" }, isTTY: true });
    const terminal = { stdin: { isTTY: true } as NodeJS.ReadStream, stdout: { isTTY: true } as NodeJS.WriteStream };
    const code = await runStart({ argv: ["checklists"], io, lang: "en", terminal });
    expect(io.out()).toContain("onething overview (checklists)");
    expect(code).toBe((await run(["overview", "checklists"])).code);
  });
});
