import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { writeFileAtomic, writeNewFileAtomic } from "./node.js";

describe("atomic writes", () => {
  let folder = "";
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "onething-files-"));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  test("writeFileAtomic replaces a file and leaves no temporary file", async () => {
    const path = join(folder, "a.yaml");
    await writeFile(path, "old\n", "utf8");
    await writeFileAtomic(path, "new\n");
    expect(await readFile(path, "utf8")).toBe("new\n");
    expect(await readdir(folder)).toEqual(["a.yaml"]);
  });

  test("writeFileAtomic into a missing folder rejects and leaves nothing behind", async () => {
    await expect(writeFileAtomic(join(folder, "missing", "a.yaml"), "x")).rejects.toMatchObject({ code: "ENOENT" });
    expect(await readdir(folder)).toEqual([]);
  });

  test("writeNewFileAtomic creates a file but never replaces one", async () => {
    const path = join(folder, "b.yaml");
    await writeNewFileAtomic(path, "first\n");
    await expect(writeNewFileAtomic(path, "second\n")).rejects.toMatchObject({ code: "EEXIST" });
    expect(await readFile(path, "utf8")).toBe("first\n");
    expect(await readdir(folder)).toEqual(["b.yaml"]);
  });
});
