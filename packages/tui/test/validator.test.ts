import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDocuments, type Diagnostic, type ParsedDocument } from "@onething/sdk";
import { mulberry32 } from "../../../bench/generate.mjs";
import { setText } from "../src/reducer.js";
import { createState, type EditorState } from "../src/state.js";
import { createValidator, type Validator } from "../src/validator.js";
import { applyEdit, type YamlPath, type YamlValue } from "../src/yaml-edit.js";
import { fixtureDocuments, LIST, QINGDAO, qingdaoDocuments } from "./fixture.js";

const TODAY = "2026-06-30";
const root = fileURLToPath(new URL("../../../", import.meta.url));
const source = (name: string) => join(root, "packages", name, "src", "index.ts");

let folder: string;
/** The real worker module, bundled from the sources (the built one lives in dist/). */
let worker: URL;
/** Workers that fail in each way the editor must survive. */
let throwsAtStart: URL;
let answersWithError: URL;
let exitsMidway: URL;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "onething-validator-"));
  const outfile = join(folder, "validation-worker.mjs");
  await build({
    entryPoints: [join(root, "packages/tui/src/validation-worker.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    absWorkingDir: root,
    logLevel: "silent",
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    alias: { "@onething/schemas": source("schemas"), "@onething/dsl": source("dsl"), "@onething/validate": source("validate"), "@onething/diff": source("diff"), "@onething/sdk": source("sdk") },
  });
  worker = pathToFileURL(outfile);
  const write = (name: string, text: string) => {
    writeFileSync(join(folder, name), text);
    return pathToFileURL(join(folder, name));
  };
  throwsAtStart = write("throws.mjs", 'throw new Error("the worker cannot start");\n');
  answersWithError = write("error.mjs", 'import { parentPort } from "node:worker_threads";\nparentPort.on("message", (request) => parentPort.postMessage({ id: request.id, error: "cannot validate" }));\n');
  exitsMidway = write("exits.mjs", 'import { parentPort } from "node:worker_threads";\nparentPort.on("message", () => process.exit(3));\n');
}, 60_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const expected = (documents: readonly ParsedDocument[]) => checkDocuments(documents, { today: TODAY });
const codes = (diagnostics: readonly Diagnostic[] | undefined) => (diagnostics ?? []).map((diagnostic) => diagnostic.code);

/** Applies an edit to a file the way the editor commits one (re-parse, new documents), or leaves the state. */
function edit(state: EditorState, file: string, path: YamlPath, value: YamlValue): EditorState {
  const text = state.files[file]?.text ?? "";
  const result = applyEdit({ text, path, value });
  return result.ok ? setText(state, file, result.text) : state;
}

/** One seeded edit of a checklist's matters or envelope: valid changes, and changes that bring findings. */
function randomEdit(state: EditorState, file: string, next: () => number, step: number): EditorState {
  const matters = (state.documents.find((document) => document.path === file)?.value as { spec: { matters: { id: string }[] } }).spec.matters;
  const at = Math.floor(next() * matters.length);
  const other = matters[(at + 1) % matters.length]?.id ?? "x";
  const kinds: [YamlPath, YamlValue][] = [
    [["spec", "matters", at, "stage"], "birthh"],
    [["spec", "matters", at, "name", "zh"], `改名${step}`],
    [["spec", "matters", at, "id"], other],
    [["spec", "matters", at, "status"], "done"],
    [["metadata", "version"], "1.0"],
    [["spec", "matters", at, "owners", "lead"], "dept.nowhere"],
  ];
  const [path, value] = kinds[Math.floor(next() * kinds.length)] as [YamlPath, YamlValue];
  return edit(state, file, path, value);
}

describe("the validator in a worker thread", () => {
  it("finds after each edit exactly what a full checkDocuments of the same documents finds", async () => {
    // Qingdao's project is fed to the worker a few thousand characters at a time: in several messages.
    for (const [documents, file, seed, feed] of [
      [fixtureDocuments(), LIST, 7, undefined],
      [qingdaoDocuments(), QINGDAO, 11, 4000],
    ] as const) {
      const validator = createValidator({ today: TODAY, script: worker, ...(feed === undefined ? {} : { feed }) });
      try {
        let state = createState({ documents, editable: [file] });
        // A reload that drops a document: the worker forgets it, and takes it again when it comes back.
        const fewer = state.documents.filter((document) => !document.path.startsWith("checklists/items/"));
        const withoutItems = await validator.validate(fewer);
        expect(withoutItems).toEqual(expected(fewer));
        expect(codes(withoutItems)).toContain("references-unchecked");
        // The bench corpus's seeded generator: the same seed gives the same edits on every run.
        const next = mulberry32(seed);
        const texts = [state.files[file]?.text ?? ""];
        const seen = new Set<string>();
        for (let step = 0; step < 8; step += 1) {
          // Mostly new edits; an edit that broke the list's structure (its other findings wait for a valid
          // structure) is undone, and now and then the text goes back to an earlier one.
          const broken = codes(await validator.validate(state.documents)).some((code) => code.startsWith("schema-"));
          if (broken) state = setText(state, file, texts.at(-2) as string);
          else if (step > 0 && next() < 0.2) state = setText(state, file, texts[Math.floor(next() * texts.length)] as string);
          else state = randomEdit(state, file, next, step);
          texts.push(state.files[file]?.text ?? "");
          const found = await validator.validate(state.documents);
          expect(found).toEqual(expected(state.documents));
          seen.add(codes(found).join(","));
        }
        // The edits changed what was found (the comparison is not between two empty lists).
        expect(seen.size).toBeGreaterThan(2);
        expect(validator.inWorker).toBe(true);
      } finally {
        validator.close();
      }
    }
  });

  it("never answers with the findings of a validation a newer one superseded", async () => {
    const validator = createValidator({ today: TODAY, script: worker });
    try {
      const state = createState({ documents: fixtureDocuments(), editable: [LIST] });
      const broken = edit(state, LIST, ["spec", "matters", 0, "stage"], "birthh");
      const renamed = edit(broken, LIST, ["spec", "matters", 1, "stage"], "deathh");
      const fixed = edit(renamed, LIST, ["spec", "matters", 0, "stage"], "birth");
      // The first runs in the worker, the second waits and is replaced by the third.
      const first = validator.validate(broken.documents);
      const second = validator.validate(renamed.documents);
      const third = validator.validate(fixed.documents);
      expect(await first).toBeUndefined();
      expect(await second).toBeUndefined();
      const latest = await third;
      expect(latest).toEqual(expected(fixed.documents));
      expect(latest?.filter((diagnostic) => diagnostic.code === "unknown-stage").map((diagnostic) => diagnostic.pointer)).toEqual(["/spec/matters/1/stage"]);
      // A call after the answer is validated afresh.
      expect(codes(await validator.validate(broken.documents)).filter((code) => code === "unknown-stage")).toHaveLength(1);
    } finally {
      validator.close();
    }
  });

  it.each([
    ["cannot start", () => throwsAtStart],
    ["answers with an error", () => answersWithError],
    ["exits in the middle of a validation", () => exitsMidway],
  ])("falls back to validating in the editor's thread when the worker %s", async (_, script) => {
    const validator = createValidator({ today: TODAY, script: script() });
    try {
      const state = edit(createState({ documents: fixtureDocuments(), editable: [LIST] }), LIST, ["spec", "matters", 0, "stage"], "birthh");
      const found = await validator.validate(state.documents);
      expect(found).toEqual(expected(state.documents));
      expect(codes(found)).toContain("unknown-stage");
      expect(validator.inWorker).toBe(false);
      // And keeps validating there.
      const fixed = edit(state, LIST, ["spec", "matters", 0, "stage"], "birth");
      expect(await validator.validate(fixed.documents)).toEqual(expected(fixed.documents));
    } finally {
      validator.close();
    }
  });

  it("validates in the editor's thread when there is no built worker (running from sources)", async () => {
    const validator: Validator = createValidator({ today: TODAY });
    const documents = fixtureDocuments();
    expect(validator.inWorker).toBe(false);
    expect(await validator.validate(documents)).toEqual(expected(documents));
    validator.close();
    expect(await validator.validate(documents)).toBeUndefined();
  });
});
