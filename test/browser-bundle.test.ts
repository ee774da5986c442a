// The SDK as a web page gets it (issue 6: "in Node and in a browser bundle"): `@onething/sdk` is resolved the
// way a consumer's bundler resolves it — from node_modules, through its exports map, to the built dist/ — and
// bundled by esbuild for the browser platform, where any Node built-in fails the build. The bundle then runs
// in a bare `node:vm` context (no require, process, Buffer or module) over the bundled checklists/ given as
// in-memory texts, and must load, validate, resolve the Qingdao list, query it, reduce it and diff it.
// Assumes the packages are built (`npm test` builds them first); fails with a clear message when not.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createContext, runInContext } from "node:vm";
import { build, type Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

/** What the page script below reports back. */
interface PageReport {
  documents: number;
  errors: string[];
  checklists: string[];
  chain: string[];
  matters: number;
  ownMatter: { checklist: string; file: string } | undefined;
  births: string[];
  stageGroups: string[];
  trips: { matters: number; before: number; after: number } | undefined;
  unknown: string[];
  selfDiff: { changes: number; impact: string };
  editDiff: { checks: string[]; impact: string };
  stylish: string;
}

/** The page: plain JavaScript run inside the bundle's scope, with `sdk` the bundled module namespace. */
const PAGE = `
const files = globalThis.__files;
const project = sdk.loadProject({ files, today: "2025-07-01" });
const qingdao = sdk.resolveChecklist(project, "cn.sd.qingdao");
const births = sdk.query(qingdao, { subject: "individual", stage: "birth" });
const report = sdk.reductions(qingdao, { by: "stage" });
const trips = report.overall.metrics.find((metric) => metric.metric === "trips");
const path = "checklists/local/shandong/qingdao.yaml";
const text = files[path];
const start = text.indexOf("    - id: beer-festival-merchant-entry");
const next = text.indexOf("\\n    - ", start + 1);
const edited = next === -1 ? text.slice(0, start) : text.slice(0, start) + text.slice(next + 1);
const after = sdk.loadProject({ files: { ...files, [path]: edited }, today: "2025-07-01" });
const selfDiff = sdk.diffProjects(project, project);
const editDiff = sdk.diffProjects(project, after);
const broken = sdk.loadProject({ files: { "broken.yaml": "apiVersion: onething/v1\\nkind: Checklist\\n" } });
globalThis.__report = JSON.stringify({
  documents: project.documents.length,
  errors: project.diagnostics.filter((d) => d.severity === "error").map((d) => d.code + " " + d.file),
  checklists: [...project.checklists.keys()],
  chain: qingdao.chain,
  matters: qingdao.matters.length,
  ownMatter: qingdao.matters.filter((m) => m.id === "seagoing-ship-operation").map((m) => ({ checklist: m.definedIn.checklist, file: m.definedIn.file }))[0],
  births: births.map((m) => m.value.subject + "/" + m.value.stage),
  stageGroups: report.groups.map((group) => group.key),
  trips: trips && { matters: trips.matters, before: trips.before, after: trips.after },
  unknown: sdk.resolveChecklist(project, "cn.nowhere").diagnostics.map((d) => d.code),
  selfDiff: { changes: selfDiff.changes.length, impact: selfDiff.impact },
  editDiff: { checks: editDiff.changes.map((c) => c.check + " " + c.matter), impact: editDiff.impact },
  stylish: sdk.formatDiagnostics(broken.diagnostics, { format: "stylish", lang: "en" }),
});
`;

/** Every YAML file of checklists/, keyed by repository-relative path, as a page would fetch them. */
function checklistTexts(): Record<string, string> {
  const folder = join(root, "checklists");
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: "utf8" }).sort()) {
    if (name.endsWith(".yaml")) files[relative(root, join(folder, name)).split(sep).join("/")] = readFileSync(join(folder, name), "utf8");
  }
  return files;
}

let bundle = "";
let metafile: Metafile | undefined;
let report: PageReport;
let globals: Record<string, string> = {};

beforeAll(async () => {
  const dist = join(root, "packages", "sdk", "dist", "index.js");
  if (!existsSync(dist)) throw new Error("packages/sdk/dist/index.js is missing: run `npm run build` first (`npm test` does it in pretest).");
  const result = await build({
    stdin: { contents: `import * as sdk from "@onething/sdk";\n${PAGE}`, resolveDir: root, sourcefile: "page.js", loader: "js" },
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  bundle = result.outputFiles[0]?.text ?? "";
  metafile = result.metafile;
  const context = createContext({ __files: checklistTexts() });
  runInContext(bundle, context, { filename: "onething-page.js" });
  report = JSON.parse(String(context["__report"])) as PageReport;
  // Asked outside the bundle, whose own code esbuild may rewrite.
  globals = JSON.parse(String(runInContext("JSON.stringify({ require: typeof require, process: typeof process, Buffer: typeof Buffer, module: typeof module })", context))) as Record<string, string>;
}, 60_000);

describe("@onething/sdk bundled for a browser", () => {
  it("is built from the published dist/ files, never from sources or Node built-ins", () => {
    const inputs = Object.keys(metafile?.inputs ?? {});
    const sdkInputs = inputs.filter((input) => input.includes("packages/sdk/") || input.includes("@onething/sdk/"));
    expect(sdkInputs.length).toBeGreaterThan(0);
    expect(sdkInputs.every((input) => input.includes("/dist/"))).toBe(true);
    expect(inputs.filter((input) => /packages\/[a-z-]+\/src\//u.test(input))).toEqual([]);
    expect(inputs.filter((input) => input.startsWith("node:") || input.includes("(disabled)"))).toEqual([]);
  });

  it("runs without require, process, Buffer or module", () => {
    expect(globals).toEqual({ require: "undefined", process: "undefined", Buffer: "undefined", module: "undefined" });
  });

  it("loads the bundled checklists from in-memory texts without errors", () => {
    expect(report.documents).toBe(Object.keys(checklistTexts()).length);
    expect(report.errors).toEqual([]);
    expect(report.checklists).toContain("cn.sd.qingdao");
  });

  it("resolves cn.sd.qingdao over the national lists with provenance", () => {
    expect(report.chain.at(-1)).toBe("cn.sd.qingdao");
    expect(report.chain.filter((id) => id.startsWith("cn.national."))).not.toEqual([]);
    expect(report.matters).toBeGreaterThan(2);
    expect(report.ownMatter).toEqual({ checklist: "cn.sd.qingdao", file: "checklists/local/shandong/qingdao.yaml" });
    expect(report.unknown).toEqual(["unknown-checklist"]);
  });

  it("queries and reduces the effective list", () => {
    expect(report.births.length).toBeGreaterThan(0);
    expect(new Set(report.births)).toEqual(new Set(["individual/birth"]));
    expect(report.stageGroups).toContain("individual/birth");
    expect(report.trips?.matters).toBeGreaterThan(0);
    expect(report.trips?.after).toBeLessThanOrEqual(report.trips?.before ?? 0);
  });

  it("diffs two versions of the project", () => {
    expect(report.selfDiff).toEqual({ changes: 0, impact: "none" });
    expect(report.editDiff).toEqual({ checks: ["matter-removed beer-festival-merchant-entry"], impact: "major" });
  });

  it("formats diagnostics", () => {
    expect(report.stylish).toContain("broken.yaml");
    expect(report.stylish).toContain("schema-required");
  });
});
