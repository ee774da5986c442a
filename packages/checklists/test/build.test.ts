import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, test } from "vitest";

// The build script of @onething/checklists, run in plain Node against the built @onething/sdk (npm test
// builds first): on the repository's data it writes the index, the YAML and the resolved JSON; on data
// with an error it refuses, printing the diagnostics.
const execFileAsync = promisify(execFile);
const script = fileURLToPath(new URL("../scripts/build.mjs", import.meta.url));
const data = fileURLToPath(new URL("../../../checklists/", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "onething-checklists-"));

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function build(source: string, out: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [script, "--source", source, "--out", out], { env: { ...process.env, ONETHING_LANG: "en" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? "", stderr: failure.stderr ?? "" };
  }
}

function copyOfData(name: string): string {
  const copy = join(work, name);
  cpSync(data, copy, { recursive: true });
  return copy;
}

describe("scripts/build.mjs", () => {
  test("publishes every document, verbatim YAML and each Checklist resolved with provenance", async () => {
    const source = copyOfData("good");
    const out = join(work, "good-dist");
    const result = await build(source, out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const index = (await import(join(out, "index.js"))) as {
      checklists: Array<{ id: string; kind: string; version: string; path: string; resolved?: string }>;
      loadResolved: (id: string) => Promise<{ id: string; chain: string[]; count: number; matters: Array<{ id: string; definedIn?: { at: string } }> } | undefined>;
    };
    expect(index.checklists.length).toBeGreaterThanOrEqual(12);
    for (const entry of index.checklists) {
      expect(readFileSync(join(out, "yaml", entry.path), "utf8")).toBe(readFileSync(join(source, entry.path), "utf8"));
      expect(entry.resolved !== undefined).toBe(entry.kind === "Checklist");
      if (entry.resolved !== undefined) expect(existsSync(join(out, entry.resolved))).toBe(true);
    }
    const qingdao = await index.loadResolved("cn.sd.qingdao");
    expect(qingdao?.chain.at(-1)).toBe("cn.sd.qingdao");
    expect(qingdao?.count).toBe(qingdao?.matters.length);
    const at = qingdao?.matters[0]?.definedIn?.at ?? "";
    expect(existsSync(join(out, "yaml", at.split(":")[0] ?? ""))).toBe(true);
    expect(await index.loadResolved("cn.items.national")).toBeUndefined();
    expect(await index.loadResolved("../index")).toBeUndefined();
    expect(readFileSync(join(out, "index.d.ts"), "utf8")).toContain("export declare function loadResolved");
  });

  test("refuses to build data with errors and prints where they are", async () => {
    const source = copyOfData("broken");
    const file = join(source, "national", "2024-1.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("kind: Checklist", "kind: Checklist\nkind: Taxonomy"));
    const out = join(work, "broken-dist");
    const result = await build(source, out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("national/2024-1.yaml");
    expect(result.stderr).toContain("duplicate-key");
    expect(result.stderr).toMatch(/@onething\/checklists is not built\.\n$/u);
    expect(existsSync(out)).toBe(false);
  });
});
