import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { diffDocuments, parseSource } from "@onething/sdk";
import { readWorkingFiles } from "@onething/sdk/node";
import { readHead } from "../src/commands/diff-head.js";
import { diffVersions } from "../src/commands/diff-load.js";
import { parseVersion, readWorkingAgainst, readWorkingPair, readWorkingTree, type VersionFile } from "../src/commands/diff-sources.js";
import { UsageError } from "../src/options.js";

// A file that is the same in both versions is read by `onething diff` only up to its spec (diff-head.ts), and
// the two folders of `onething diff a b` are read so that such a file is kept once (readWorkingPair).

const encoder = new TextEncoder();
const MAX = 4 * 1024 * 1024;

const LIST = `# a comment at the top
apiVersion: onething/v1
kind: Checklist
metadata:
  id: cn.x
  title: { zh: 清单, en: List }   # a comment
  version: "1.0.0"
spec:   # the body
  scope: local
  matters:
    - id: a
      name: { zh: 事项, en: Matter }
      note: |
        a block scalar
# a comment at the start of a line

    - id: b
      note: "a quoted scalar
        over two lines"
  notApplicable: []
`;

function head(text: string) {
  return readHead({ path: "x.yaml", bytes: encoder.encode(text), maxBytes: MAX });
}

describe("readHead", () => {
  test("reads the keys before spec, as the whole file's parse has them", () => {
    const read = head(LIST);
    const whole = parseSource({ path: "x.yaml", text: LIST }).document?.value as Record<string, unknown>;
    expect(read?.kind).toBe("Checklist");
    expect(read?.value).toEqual({ apiVersion: whole["apiVersion"], kind: whole["kind"], metadata: whole["metadata"] });
  });

  test("a YAML error inside spec cannot reach the head: the parser's recovery keeps it under spec", () => {
    const broken = LIST.replace("      name: { zh: 事项, en: Matter }\n", "      name: { zh: 事项, en: Matter }\n      name: again\n     stray: 1\n");
    const whole = parseSource({ path: "x.yaml", text: broken });
    expect(whole.diagnostics.some((diagnostic) => diagnostic.severity === "error")).toBe(true);
    expect(head(broken)?.value["metadata"]).toEqual((whole.document?.value as Record<string, unknown>)["metadata"]);
  });

  test.each([
    ["a line less indented than the first line under spec (the parser's recovery makes it a top-level key)", LIST.replace("  notApplicable: []\n", " metadata:\n  id: other\n")],
    ["a top-level key after spec", `${LIST}status: draft\n`],
    ["a quoted scalar going on at the start of a line", LIST.replace('        over two lines"', 'metadata: x"')],
    ["an alias (the parser may give up on the file)", LIST.replace("scope: local", "scope: *missing")],
    ["a tab", LIST.replace("  scope: local", "  scope:\tlocal")],
    ["a CR", LIST.replaceAll("\n", "\r\n")],
    ["a BOM", `\ufeff${LIST}`],
    ["a value on the spec line", LIST.replace("spec:   # the body\n  scope: local", "spec: { scope: local }\nx:")],
    ["spec indented by nothing", LIST.replace("  scope: local", "scope: local")],
    ["no spec", "apiVersion: onething/v1\nkind: Checklist\nmetadata: { id: x }\n"],
    ["a head with a finding", LIST.replace("  id: cn.x", "  id: cn.x\n  id: cn.y")],
    ["a head without a kind", LIST.replace("kind: Checklist\n", "")],
    ["a spec key in the head", LIST.replace("metadata:", '"spec": 1\nmetadata:')],
    ["a document marker", LIST.replace("  notApplicable: []\n", "---\nkind: Taxonomy\n")],
  ])("declines %s", (_name, text) => {
    expect(head(text)).toBeUndefined();
  });

  test("declines invalid UTF-8 and files above the size limit", () => {
    const bytes = encoder.encode(LIST);
    const invalid = new Uint8Array([...bytes.subarray(0, bytes.length - 3), 0xff, 0x0a]);
    expect(readHead({ path: "x.yaml", bytes: invalid, maxBytes: MAX })).toBeUndefined();
    expect(readHead({ path: "x.yaml", bytes, maxBytes: bytes.length - 1 })).toBeUndefined();
    expect(readHead({ path: "x.yaml", bytes, maxBytes: bytes.length })).toBeDefined();
  });
});

/** A temporary folder, removed after the enclosing describe, and a writer of files under it (folders made as needed). */
function temporaryTree(prefix: string): { root: string; write: (path: string, text: string) => void } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  return { root, write };
}

describe("readWorkingPair", () => {
  const { root, write } = temporaryTree("onething-diff-pair-");
  for (const side of ["a", "b"]) {
    write(`${side}/same.yaml`, "kind: Same\n");
    write(`${side}/nested/deeper/list.YML`, "kind: Nested\n");
    write(`${side}/.hidden/x.yaml`, "kind: Hidden\n");
    write(`${side}/node_modules/x.yaml`, "kind: Module\n");
    write(`${side}/notes.txt`, "not yaml\n");
  }
  write("a/changed.yaml", "kind: Old\n");
  write("b/changed.yaml", "kind: New\n");
  write("a/only-a.yaml", "kind: Same\n");
  write("b/only-b.yml", "kind: Same\n");
  symlinkSync(join(root, "a/same.yaml"), join(root, "b/link.yaml"));

  test("reads the files readWorkingTree reads, and keeps a file the same at the same place once", async () => {
    const pair = await readWorkingPair({ cwd: root, before: "a", after: "b", lang: "en" });
    for (const [side, files] of [["a", pair.before], ["b", pair.after]] as const) {
      const reference = await readWorkingFiles({ root, path: side });
      expect(files.map((file) => [file.path, Buffer.from(file.bytes).toString()])).toEqual(reference.files.map((file) => [file.path, Buffer.from(file.text).toString()]));
    }
    const byPath = (path: string) => [...pair.before, ...pair.after].find((file) => file.path === path)?.bytes;
    expect(byPath("b/same.yaml")).toBe(byPath("a/same.yaml"));
    expect(byPath("b/nested/deeper/list.YML")).toBe(byPath("a/nested/deeper/list.YML"));
    // The same bytes at another place, or other bytes at the same place, are read on their own.
    expect(byPath("b/only-b.yml")).not.toBe(byPath("a/only-a.yaml"));
    expect(Buffer.from(byPath("b/changed.yaml") as Uint8Array).toString()).toBe("kind: New\n");
  });

  test("an unchanged file whose head decides its envelope is not kept: it carries the head and is read again only if asked, unless changed meanwhile", async () => {
    write("a/list.yaml", LIST);
    write("b/list.yaml", LIST);
    const pair = await readWorkingPair({ cwd: root, before: "a", after: "b", lang: "en" });
    const [before, after] = [pair.before, pair.after].map((files) => files.find((file) => file.path.endsWith("/list.yaml")));
    expect(before?.unchanged).toBeDefined();
    expect(after?.unchanged).toBe(before?.unchanged);
    expect(before?.unchanged?.value).toEqual(head(LIST)?.value);
    expect(Buffer.from(after?.bytes as Uint8Array).toString()).toBe(LIST);
    write("a/list.yaml", LIST.replace("cn.x", "cn.y"));
    expect(() => before?.bytes).toThrow(new UsageError("a/list.yaml was changed or removed while it was being compared; run again once the files stop changing."));
    rmSync(join(root, "a/list.yaml"));
    rmSync(join(root, "b/list.yaml"));
  });

  test("a file whose last change is settled is told unchanged by its status: read again as it was, a usage error once changed or replaced", async () => {
    write("s/a/list.yaml", LIST);
    write("s/b/list.yaml", LIST);
    const pair = await readWorkingPair({ cwd: root, before: "s/a", after: "s/b", lang: "en", settledMs: 0 });
    const [before, after] = [pair.before[0], pair.after[0]];
    expect(before?.unchanged).toBeDefined();
    expect(Buffer.from(after?.bytes as Uint8Array).toString()).toBe(LIST);
    write("s/a/list.yaml", `${LIST}# one more line\n`);
    expect(() => before?.bytes).toThrow(new UsageError("s/a/list.yaml was changed or removed while it was being compared; run again once the files stop changing."));
    const again = await readWorkingPair({ cwd: root, before: "s/a", after: "s/b", lang: "en", settledMs: 0 });
    // Replaced by another file with the same bytes (a new inode): not the file that was read.
    write("s/b/other.yaml", LIST);
    renameSync(join(root, "s/b/other.yaml"), join(root, "s/b/list.yaml"));
    expect(() => again.after[0]?.bytes).toThrow(new UsageError("s/b/list.yaml was changed or removed while it was being compared; run again once the files stop changing."));
    rmSync(join(root, "s"), { recursive: true });
  });

  test("an unchanged file that the diff compares with another after all is read again and gives what parsing everything gives", async () => {
    // 0.yaml has the same id in the older version and comes first, so the unchanged 1.yaml is compared with it.
    write("x/a/0.yaml", LIST.replace("id: a\n", "id: a0\n"));
    write("x/a/1.yaml", LIST);
    write("x/b/1.yaml", LIST);
    const pair = await readWorkingPair({ cwd: root, before: "x/a", after: "x/b", lang: "en" });
    expect(pair.after[0]?.unchanged).toBeDefined();
    const fast = diffVersions({ ...pair, lang: "en" });
    const whole = diffDocuments({ before: parseVersion(pair.before, "en"), after: parseVersion(pair.after, "en") });
    expect(fast.changes.map((change) => change.check)).toEqual(["matter-possibly-renamed"]);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(whole));
  });

  test("a changed pair at the same place is digested while read, not kept: the diff is what parsing everything gives", async () => {
    const changed = LIST.replace("id: a\n", "id: a\n      status: landed\n");
    write("y/a/list.yaml", LIST);
    write("y/b/list.yaml", changed);
    write("y/b/moved.yaml", changed.replace("cn.x", "cn.moved"));
    const pair = await readWorkingPair({ cwd: root, before: "y/a", after: "y/b", lang: "en" });
    const [before, after] = [pair.before[0], pair.after[0]];
    expect(before?.digest?.pair).toBeDefined();
    expect(after?.digest?.pair).toBe(before?.digest?.pair);
    expect(after?.digest?.side).toBe(before?.digest?.pair.after);
    // A file only on one side is kept as read.
    expect(pair.after[1]?.digest).toBeUndefined();
    const fast = diffVersions({ ...pair, lang: "en" });
    expect(fast.changes.length).toBeGreaterThan(0);
    // The diff did not need the older bytes: read now, after a change, they are a usage error.
    write("y/a/list.yaml", LIST.replace("cn.x", "cn.y"));
    expect(() => before?.bytes).toThrow(new UsageError("y/a/list.yaml was changed or removed while it was being compared; run again once the files stop changing."));
    write("y/a/list.yaml", LIST);
    expect(Buffer.from(after?.bytes as Uint8Array).toString()).toBe(changed);
    const again = await readWorkingPair({ cwd: root, before: "y/a", after: "y/b", lang: "en" });
    const whole = diffDocuments({ before: parseVersion(again.before, "en"), after: parseVersion(again.after, "en") });
    expect(JSON.stringify(fast)).toBe(JSON.stringify(whole));
    rmSync(join(root, "y"), { recursive: true });
  });

  test("two single files, and a missing or outside path is the usage error readWorkingTree gives", async () => {
    const files = await readWorkingPair({ cwd: root, before: "a/same.yaml", after: "b/same.yaml", lang: "en" });
    expect(files.after[0]?.bytes).toBe(files.before[0]?.bytes);
    for (const [before, after] of [["a", "missing"], ["missing", "b"], ["a", "../outside"]] as const) {
      const expected = await readWorkingTree({ cwd: root, path: after === "b" ? before : after, lang: "en" }).catch((error: unknown) => error);
      expect(expected).toBeInstanceOf(UsageError);
      await expect(readWorkingPair({ cwd: root, before, after, lang: "en" })).rejects.toThrow((expected as UsageError).message);
    }
  });
});

describe("readWorkingAgainst", () => {
  const { root, write } = temporaryTree("onething-diff-against-");
  const changed = LIST.replace("id: a\n", "id: a\n      status: landed\n");

  test("a working file the same as its twin shares its bytes, a changed one is digested with it, the rest are read as readWorkingTree reads them", async () => {
    write("lists/same.yaml", LIST);
    write("lists/changed.yaml", changed);
    write("lists/new.yaml", LIST.replace("cn.x", "cn.new"));
    write("lists/.hidden/x.yaml", "kind: Hidden\n");
    const committed: VersionFile[] = [
      { path: "lists/changed.yaml", bytes: encoder.encode(LIST) },
      { path: "lists/gone.yaml", bytes: encoder.encode(LIST.replace("cn.x", "cn.gone")) },
      { path: "lists/same.yaml", bytes: encoder.encode(LIST) },
    ];
    const { before, after } = await readWorkingAgainst({ cwd: root, before: committed, paths: ["lists", "missing"], lang: "en" });
    const reference = await readWorkingTree({ cwd: root, path: "lists", lang: "en" });
    expect(after.map((file) => [file.path, Buffer.from(file.bytes).toString()])).toEqual(reference.map((file) => [file.path, Buffer.from(file.bytes).toString()]));
    const at = (files: VersionFile[], path: string) => files.find((file) => file.path === path);
    expect(at(after, "lists/same.yaml")?.bytes).toBe(committed[2]?.bytes);
    expect(at(before, "lists/changed.yaml")?.digest?.pair).toBeDefined();
    expect(at(after, "lists/changed.yaml")?.digest?.pair).toBe(at(before, "lists/changed.yaml")?.digest?.pair);
    expect(at(before, "lists/changed.yaml")?.bytes).toBe(committed[0]?.bytes);
    expect(at(before, "lists/gone.yaml")).toBe(committed[1]);
    // The diff is what parsing both versions whole gives.
    const fast = diffVersions({ before, after, lang: "en" });
    const whole = diffDocuments({ before: parseVersion(committed, "en"), after: parseVersion(reference, "en") });
    expect(fast.changes.map((change) => change.check).sort()).toEqual(["document-added", "document-removed", "status-changed"]);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(whole));
  });

  test("a path given twice lists its files twice, the second time copied; a path that does not exist is passed over", async () => {
    write("twice/list.yaml", changed);
    const committed: VersionFile[] = [{ path: "twice/list.yaml", bytes: encoder.encode(LIST) }];
    const { after } = await readWorkingAgainst({ cwd: root, before: committed, paths: ["twice", "twice/list.yaml"], lang: "en" });
    expect(after.map((file) => [file.path, file.digest === undefined])).toEqual([
      ["twice/list.yaml", false],
      ["twice/list.yaml", true],
    ]);
    expect(Buffer.from(after[1]?.bytes as Uint8Array).toString()).toBe(changed);
    expect((await readWorkingAgainst({ cwd: root, before: committed, paths: ["nowhere"], lang: "en" })).after).toEqual([]);
  });
});
