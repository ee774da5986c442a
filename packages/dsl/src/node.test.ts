import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProject, readSourceFileInto } from "./node.js";
import { formatRange } from "./test-summary.js";

const document = (kind: string, id: string) => `apiVersion: onething/v1\nkind: ${kind}\nmetadata:\n  id: ${id}\n`;

let base: string;
let root: string;
let outside: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "onething-dsl-"));
  root = join(base, "project");
  outside = join(base, "outside");
  const files: Record<string, string> = {
    "project/taxonomy.yaml": document("Taxonomy", "cn.taxonomy"),
    "project/national/2024-1.yaml": document("Checklist", "cn.national.2024-1"),
    "project/national/2024-2.yml": document("Checklist", "cn.national.2024-2"),
    "project/local/sd/qingdao/qingdao.yaml": document("Checklist", "cn.sd.qingdao"),
    "project/local/broken.yaml": "apiVersion: onething/v1\nkind: Checklist\nmetadata:\n  id: a\n  id: b\n",
    "project/local/not-onething.yaml": "hello: world\n",
    "project/notes.txt": "not yaml",
    "project/.git/config.yaml": document("Checklist", "hidden"),
    "project/node_modules/pkg/x.yaml": document("Checklist", "dependency"),
    "outside/secret.yaml": document("Checklist", "secret"),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(base, path, ".."), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  symlinkSync(join(outside, "secret.yaml"), join(root, "local", "escape.yaml"));
  symlinkSync(outside, join(root, "escape-folder"));
  symlinkSync(join(root, "national"), join(root, "local", "sd", "loop"));
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

const summary = (project: Awaited<ReturnType<typeof loadProject>>) => ({
  documents: project.documents.map((entry) => `${entry.path} ${entry.kind} ${entry.id}`),
  diagnostics: project.diagnostics.map((entry) => `${entry.code} ${entry.file}${entry.range ? ` ${formatRange(entry.range)}` : ""}`),
});

describe("loadProject", () => {
  it("walks nested folders in a fixed order, skips dot-folders and node_modules, and never leaves the root", async () => {
    const project = await loadProject({ root });
    expect(project.root).toBe(root);
    expect(summary(project)).toEqual({
      documents: [
        "local/broken.yaml Checklist b",
        "local/sd/qingdao/qingdao.yaml Checklist cn.sd.qingdao",
        "national/2024-1.yaml Checklist cn.national.2024-1",
        "national/2024-2.yml Checklist cn.national.2024-2",
        "taxonomy.yaml Taxonomy cn.taxonomy",
      ],
      diagnostics: [
        "path-outside-root escape-folder 1:1-1:1",
        "duplicate-key local/broken.yaml 5:3-5:5",
        "path-outside-root local/escape.yaml 1:1-1:1",
        "missing-api-version local/not-onething.yaml 1:1-1:6",
        "missing-kind local/not-onething.yaml 1:1-1:6",
      ],
    });
  });

  it("gives the same result on every run", async () => {
    const first = summary(await loadProject({ root }));
    const second = summary(await loadProject({ root }));
    expect(second).toEqual(first);
  });

  it("loads only the given files and folders, relative or absolute, each file once", async () => {
    const project = await loadProject({
      root,
      paths: ["national", join(root, "national", "2024-1.yaml"), "taxonomy.yaml"],
    });
    expect(summary(project).documents).toEqual([
      "national/2024-1.yaml Checklist cn.national.2024-1",
      "national/2024-2.yml Checklist cn.national.2024-2",
      "taxonomy.yaml Taxonomy cn.taxonomy",
    ]);
    expect(project.diagnostics).toEqual([]);
  });

  it("refuses paths that resolve outside the root, through .. or a symbolic link, without reading them", async () => {
    const project = await loadProject({
      root,
      paths: ["../outside/secret.yaml", join(outside, "secret.yaml"), "local/escape.yaml", "escape-folder"],
    });
    expect(project.documents).toEqual([]);
    expect(summary(project).diagnostics).toEqual([
      "path-outside-root ../outside/secret.yaml 1:1-1:1",
      "path-outside-root ../outside/secret.yaml 1:1-1:1",
      "path-outside-root escape-folder 1:1-1:1",
      "path-outside-root local/escape.yaml 1:1-1:1",
    ]);
  });

  it("reports a missing path and a missing root", async () => {
    const missing = await loadProject({ root, paths: ["national", "nowhere/list.yaml"] });
    expect(summary(missing).diagnostics).toEqual(["path-not-found nowhere/list.yaml 1:1-1:1"]);
    expect(missing.documents).toHaveLength(2);
    const noRoot = await loadProject({ root: join(base, "no-such-project") });
    expect(noRoot.documents).toEqual([]);
    expect(noRoot.diagnostics.map((entry) => `${entry.code} ${formatRange(entry.range)}`)).toEqual(["path-not-found 1:1-1:1"]);
  });

  it("reports a file that is not a regular file instead of blocking on it", async () => {
    const fifo = join(root, "pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    try {
      const project = await loadProject({ root, paths: ["pipe.yaml"] });
      expect(summary(project).diagnostics).toEqual(["file-unreadable pipe.yaml 1:1-1:1"]);
    } finally {
      rmSync(fifo);
    }
  });

  it("checks the size limit before reading", async () => {
    const project = await loadProject({ root, paths: ["taxonomy.yaml"], maxBytes: 10 });
    expect(summary(project).diagnostics).toEqual(["file-too-large taxonomy.yaml 1:1-1:1"]);
    expect(project.diagnostics[0]?.message).toMatchObject({ en: expect.stringContaining("67 bytes"), zh: expect.stringContaining("67 字节") });
  });
});

describe("readSourceFileInto", () => {
  const found = (path: string) => ({ path, realPath: join(root, path) });

  it("reads each file's bytes exactly through one buffer, which grows only for a larger file", () => {
    const large = "x: 中文\n".repeat(40_000);
    writeFileSync(join(root, "large.yaml"), large);
    try {
      const buffer = { bytes: new Uint8Array(0) };
      const small = readSourceFileInto(found("taxonomy.yaml"), buffer);
      expect(new TextDecoder().decode(small.bytes)).toBe(document("Taxonomy", "cn.taxonomy"));
      const first = buffer.bytes;
      const again = readSourceFileInto(found("national/2024-1.yaml"), buffer);
      expect(buffer.bytes).toBe(first);
      expect(new TextDecoder().decode(again.bytes)).toBe(document("Checklist", "cn.national.2024-1"));
      const read = readSourceFileInto(found("large.yaml"), buffer);
      expect(buffer.bytes.byteLength).toBeGreaterThanOrEqual(Buffer.byteLength(large));
      expect(new TextDecoder().decode(read.bytes)).toBe(large);
      expect(new TextDecoder().decode(readSourceFileInto(found("taxonomy.yaml"), buffer).bytes)).toBe(document("Taxonomy", "cn.taxonomy"));
    } finally {
      rmSync(join(root, "large.yaml"));
    }
  });

  it("reports a missing file, a file over the limit and a special file as findings, without blocking", () => {
    const buffer = { bytes: new Uint8Array(0) };
    const codes = (read: ReturnType<typeof readSourceFileInto>) => read.diagnostics?.map((entry) => `${entry.code} ${entry.file}`);
    expect(codes(readSourceFileInto(found("nowhere.yaml"), buffer))).toEqual(["file-unreadable nowhere.yaml"]);
    const tooLarge = readSourceFileInto(found("taxonomy.yaml"), buffer, 10);
    expect(codes(tooLarge)).toEqual(["file-too-large taxonomy.yaml"]);
    expect(tooLarge.diagnostics?.[0]?.message.en).toContain("67 bytes");
    const fifo = join(root, "pipe-into.yaml");
    execFileSync("mkfifo", [fifo]);
    try {
      expect(codes(readSourceFileInto(found("pipe-into.yaml"), buffer))).toEqual(["file-unreadable pipe-into.yaml"]);
    } finally {
      rmSync(fifo);
    }
  });
});
