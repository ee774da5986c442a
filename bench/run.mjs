#!/usr/bin/env node
// The onething bench (`npm run bench` at the repository root; never part of `npm test`). Generates the
// seeded national-scale corpus when it is missing, then measures, each N times, the wall time and peak
// RSS of: `onething validate` on the corpus (cold, and warm with --cache when the CLI has it), the parse
// floor (js-yaml and yaml in one process), ajv-cli and Spectral with the same JSON Schema, `onething diff`
// between two corpus versions (when the CLI has it; also `diff HEAD`, the working tree against a commit, as CI
// runs it, for information), CLI cold start against `node -e 0`, and the editor's
// keystroke-to-frame (when there is an editor). Prints the ratios against the targets of issue 7 and
// writes bench/RESULTS.md.
//
//   node bench/run.mjs [--runs 3] [--seed 20240116] [--regenerate] [--no-profile] [--out bench/RESULTS.md]
//                      [--info-runs 1] [--scale 1]
//
// --info-runs: runs of the reference-only measurement (yaml parseDocument). --scale: share of the 330 cities
// to generate (for a quick check of the harness; figures at another scale are not the bench's).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { SourceMap } from "node:module";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generate } from "./generate.mjs";
import { writeAjvSchemas, writeSpectralRuleset } from "./schemas.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, "..");
const CORPUS = join(BENCH, "corpus");
const CLI = join(ROOT, "packages", "cli", "bin", "onething.js");
const CLI_DIST = join(ROOT, "packages", "cli", "dist", "bin.js");
const TODAY = "2026-06-30";
const TIME = "/usr/bin/time";
const MiB = 1024 * 1024;

const TARGETS = {
  ajv: { label: "validate ÷ ajv-cli", max: 1.0 },
  spectral: { label: "validate ÷ Spectral", max: 0.25 },
  floor: { label: "validate ÷ parse floor", max: 1.5 },
  warm: { label: "warm (cache) ÷ cold validate", max: 0.15 },
  start: { label: "cold start ÷ node -e 0", max: 4 },
  diff: { label: "diff ÷ cold validate", max: 0.2 },
  keystroke: { label: "keystroke-to-frame, 1,000 matters (ms)", max: 30 },
  rss: { label: "peak RSS of onething (MiB)", max: 512 },
};

// ---------------------------------------------------------------------------------------------------------
// Measuring

const hasTime = (() => {
  if (!existsSync(TIME)) return false;
  const probe = spawnSync(TIME, ["-f", "%M", "true"], { encoding: "utf8" });
  return probe.status === 0 && /^\d+\s*$/m.test(probe.stderr);
})();

/** Runs a command once; resolves with its wall time (ms), peak RSS (bytes, or undefined), exit code and output. */
async function runOnce({ command, args, cwd, env }) {
  const rssFile = hasTime ? join(await mkdtemp(join(tmpdir(), "onething-bench-")), "rss") : undefined;
  const [file, argv] = rssFile ? [TIME, ["-f", "%M", "-o", rssFile, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const child = spawn(file, argv, { cwd, env: { ...process.env, NO_COLOR: "1", SCARF_ANALYTICS: "false", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const stdout = [];
  const stderr = [];
  child.stdout.on("data", (chunk) => stdout.push(chunk));
  child.stderr.on("data", (chunk) => stderr.push(chunk));
  const code = await new Promise((done) => child.on("close", (status) => done(status ?? -1)));
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  let rss;
  if (rssFile) {
    const text = await readFile(rssFile, "utf8").catch(() => "");
    const kib = Number(text.trim().split("\n").pop());
    rss = Number.isFinite(kib) && kib > 0 ? kib * 1024 : undefined;
    await rm(dirname(rssFile), { recursive: true, force: true });
  }
  return { wallMs, rss, code, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs a command `runs` times (after `before`, when given) and summarises wall time and peak RSS. */
async function measure({ name, command, args, cwd, runs, before, okCodes = [0], env, findings }) {
  const samples = [];
  for (let run = 0; run < runs; run++) {
    if (before) await before();
    const sample = await runOnce({ command, args, cwd, env });
    samples.push(sample);
    process.stderr.write(`  ${name}: run ${run + 1}/${runs} ${(sample.wallMs / 1000).toFixed(2)} s, ${sample.rss ? `${(sample.rss / MiB).toFixed(0)} MiB` : "RSS ?"}, exit ${sample.code}\n`);
    if (!okCodes.includes(sample.code)) break;
  }
  const times = samples.map((sample) => sample.wallMs);
  const rss = samples.map((sample) => sample.rss).filter((value) => value !== undefined);
  const last = samples[samples.length - 1];
  return {
    name,
    command: [relativeCommand(command), ...args.map(relativeCommand)].join(" "),
    cwd: relative(ROOT, cwd) || ".",
    runs: samples.length,
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    medianRss: rss.length ? median(rss) : undefined,
    maxRss: rss.length ? Math.max(...rss) : undefined,
    codes: [...new Set(samples.map((sample) => sample.code))],
    ok: samples.every((sample) => okCodes.includes(sample.code)),
    stdout: last.stdout,
    stderr: last.stderr,
    findings: findings ? safely(() => findings(last)) : "",
  };
}

function safely(read) {
  try {
    return read();
  } catch (error) {
    return `output not understood (${error instanceof Error ? error.message : String(error)})`;
  }
}

function relativeCommand(part) {
  if (part === process.execPath) return "node";
  return part.startsWith(ROOT) ? relative(ROOT, part) || "." : part;
}

// ---------------------------------------------------------------------------------------------------------
// Profiling: one validate under --cpu-prof, summarised by self time

async function profileValidate(cwd) {
  const folder = await mkdtemp(join(tmpdir(), "onething-prof-"));
  const result = await runOnce({ command: process.execPath, args: ["--cpu-prof", `--cpu-prof-dir=${folder}`, CLI_DIST, "validate", "checklists", "--today", TODAY, "--format", "json"], cwd });
  // One profile per thread: the main thread and each worker.
  const files = (await readdir(folder)).filter((name) => name.endsWith(".cpuprofile"));
  if (files.length === 0) return { error: `no profile written (exit ${result.code})` };
  const profiles = await Promise.all(files.map(async (file) => JSON.parse(await readFile(join(folder, file), "utf8"))));
  await rm(folder, { recursive: true, force: true });
  return { wallMs: result.wallMs, threads: profiles.length, ...summariseProfiles(profiles) };
}

/**
 * Self time per function and per package over the V8 .cpuprofiles of one run (all its threads). Bundled code is
 * traced back to its source file through the bundle's source map, so it counts for the package it came from.
 */
export function summariseProfiles(profiles) {
  const byFunction = new Map();
  const byPackage = new Map();
  let totalMs = 0;
  for (const profile of profiles) {
    const msPerSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples?.length ?? 0);
    totalMs += (profile.endTime - profile.startTime) / 1000;
    const hits = new Map();
    for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
    for (const node of profile.nodes) {
      const count = hits.get(node.id) ?? 0;
      if (count === 0) continue;
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      const source = originalSource(url, lineNumber, columnNumber);
      const where = source ? `${shortUrl(source.path)}:${source.line + 1}` : "";
      const key = `${functionName || "(anonymous)"}${where ? ` ${where}` : ""}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + count * msPerSample);
      const owner = packageOf(source?.path ?? "", functionName);
      byPackage.set(owner, (byPackage.get(owner) ?? 0) + count * msPerSample);
    }
  }
  const share = (entries) => [...entries].sort((a, b) => b[1] - a[1]).map(([key, ms]) => ({ key, ms, percent: (100 * ms) / totalMs }));
  return { totalMs, functions: share(byFunction).slice(0, 15), packages: share(byPackage).slice(0, 10) };
}

/** Source maps of the bundles a profile names, by file path (null: none). */
const sourceMaps = new Map();

/** Where a profiled position comes from: through the bundle's source map when it has one, else as it is. */
function originalSource(url, line, column) {
  if (!url) return undefined;
  const path = url.replace(/^file:\/\//, "");
  if (!sourceMaps.has(path)) {
    let map = null;
    try {
      if (path.startsWith(ROOT) && !path.includes("node_modules/")) map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, "utf8")));
    } catch {
      // No map beside the file: the position stands as it is.
    }
    sourceMaps.set(path, map);
  }
  const map = sourceMaps.get(path);
  const entry = map?.findEntry(line, column);
  if (!entry?.originalSource) return { path, line };
  return { path: resolve(dirname(path), entry.originalSource.replace(/^file:\/\//, "")), line: entry.originalLine };
}

function shortUrl(url) {
  const path = url.replace(/^file:\/\//, "");
  const modules = path.lastIndexOf("node_modules/");
  if (modules >= 0) return path.slice(modules + "node_modules/".length);
  return path.startsWith(ROOT) ? relative(ROOT, path) : path;
}

function packageOf(url, functionName) {
  if (!url) return functionName === "(garbage collector)" ? "(garbage collector)" : functionName.startsWith("(") ? functionName : "(native)";
  const path = url.replace(/^file:\/\//, "");
  const modules = path.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = path.slice(modules + "node_modules/".length).split("/");
    const name = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    return name.startsWith("@onething/") ? `${name} (dist)` : name;
  }
  const match = /packages\/([^/]+)\//.exec(path);
  if (match) return `@onething/${match[1]}`;
  if (path.startsWith("node:")) return "node internals";
  return path;
}

// ---------------------------------------------------------------------------------------------------------
// Reporting

const seconds = (ms) => (ms === undefined ? "—" : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mib = (bytes) => (bytes === undefined ? "—" : `${(bytes / MiB).toFixed(0)} MiB`);
const ratioText = (value) => (value === undefined ? "—" : value >= 10 ? `${value.toFixed(1)}×` : `${value.toFixed(2)}×`);

/** The measurement of that name, when it ran without failing. */
function measurementOf(results, name) {
  return results.measurements.find((entry) => entry.name === name && entry.ok);
}

function ratioRows(results) {
  const get = (name) => measurementOf(results, name);
  const validate = get("validate-cold");
  const rows = [];
  const add = (key, value, detail, reason) => {
    const target = TARGETS[key];
    const met = value === undefined ? undefined : value <= target.max;
    rows.push({ key, label: target.label, value, target: target.max, met, detail, reason });
  };
  const ratio = (name, key, detail) => {
    const other = get(name);
    const reason = results.unavailable[name];
    add(key, validate && other ? validate.medianMs / other.medianMs : undefined, detail, reason ?? (other ? undefined : "measurement failed"));
  };
  ratio("ajv-cli", "ajv", "medians");
  ratio("spectral", "spectral", "medians");
  const floor = results.floor;
  add("floor", validate && floor ? validate.medianMs / floor.medianMs : undefined, floor ? `floor = ${floor.name}` : undefined, floor ? undefined : "measurement failed");
  const warm = get("validate-warm");
  add("warm", warm && get("validate-cold-cache") ? warm.medianMs / get("validate-cold-cache").medianMs : undefined, "with --cache, cold = empty cache", results.unavailable["validate-warm"]);
  const start = get("cli-cold-start");
  const node = get("node-e-0");
  add("start", start && node ? start.medianMs / node.medianMs : undefined, "validate on one small file", start && node ? undefined : "measurement failed");
  const diff = get("diff");
  add("diff", diff && validate ? diff.medianMs / validate.medianMs : undefined, "medians", results.unavailable["diff"]);
  const keys = results.keystroke;
  add("keystroke", keys?.medianMs, keys ? `median of ${keys.n} keys (↓, Enter, typing, commits, search); min ${keys.minMs.toFixed(0)}, p90 ${keys.p90Ms.toFixed(0)}, max ${keys.maxMs.toFixed(0)} ms; bench/keystroke.mjs` : undefined, keys ? undefined : results.unavailable["keystroke"] ?? "measurement failed");
  const onething = results.measurements.filter((entry) => entry.name.startsWith("validate") || entry.name === "diff" || entry.name === "cli-cold-start");
  const peak = Math.max(...onething.map((entry) => entry.maxRss ?? 0));
  add("rss", peak > 0 ? peak / MiB : undefined, "max over the onething runs", peak > 0 ? undefined : "no RSS figure");
  return rows;
}

/**
 * Where the diff's time goes: Node's start-up with the diff command loaded (`diff --help`), and the same diff run
 * in one process, first cold and then warm (bench/diff-warm.mjs). Start-up plus a warm run is what the diff
 * would take if none of its code ran cold, beside what the target allows.
 */
function diffBreakdown(results) {
  const get = (name) => measurementOf(results, name);
  const start = get("diff-start");
  const diff = get("diff");
  const validate = get("validate-cold");
  const warm = results.diffWarm;
  if (!start || !diff || !validate || warm === undefined || typeof warm.warmMs !== "number") return undefined;
  const allowed = TARGETS.diff.max * validate.medianMs;
  const floor = start.medianMs + warm.warmMs;
  return [
    `**Where the diff's time goes** (for the diff target; not targets themselves): Node's start-up with the diff command loaded (\`diff --help\`) takes ${seconds(start.medianMs)};`,
    `the diff itself, run ${warm.runs.length} times in one process (bench/diff-warm.mjs, last run), takes ${seconds(warm.firstMs)} the first time and ${seconds(warm.warmMs)} at best afterwards, once its code is compiled and optimised and its memory touched.`,
    `Start-up plus a warm diff is ${seconds(floor)} (${(floor / validate.medianMs).toFixed(3)}× the cold validate, ${floor <= allowed ? "within" : "above"} the ${seconds(allowed)} the target allows: ${TARGETS.diff.max}× of ${seconds(validate.medianMs)}); the diff measured ${seconds(diff.medianMs)}.`,
  ].join(" ");
}

function printTable(rows) {
  const lines = rows.map((row) => {
    const value = row.value === undefined ? "—" : row.key === "keystroke" || row.key === "rss" ? row.value.toFixed(0) : ratioText(row.value);
    const verdict = row.met === undefined ? `not measured: ${row.reason ?? "?"}` : row.met ? "met" : "NOT met";
    return `${row.label.padEnd(42)} ${value.padStart(9)}   target ≤ ${String(row.target).padEnd(5)} ${verdict}`;
  });
  process.stdout.write(`\n${lines.join("\n")}\n`);
}

function markdown(results, rows) {
  const { machine, corpus } = results;
  const out = [];
  out.push("# onething bench results", "");
  out.push("Written by `npm run bench` (bench/run.mjs); every figure below comes from one run of it. Wall time is measured from spawn to exit of a child process (so every figure includes Node's start-up); peak RSS is the child's maximum resident set size as `/usr/bin/time -f %M` reports it.", "");
  out.push("## Machine", "");
  out.push(`- date: ${machine.date}`);
  out.push(`- node: ${machine.node}; CPUs (nproc): ${machine.nproc} × ${machine.cpu}; memory: ${machine.memory}`);
  out.push(`- load average (1/5/15 min) at start: ${machine.loadStart}; at end: ${machine.loadEnd}. The machine is shared with other work, so absolute times are inflated and noisy; the ratios compare runs made under the same load.`);
  out.push(`- runs per measurement: ${results.runs} (median / min / max below)`, "");
  out.push("## Corpus", "");
  out.push(`Generated by \`node bench/generate.mjs --seed ${corpus.a.seed}\` into bench/corpus/ (git-ignored): ${corpus.a.files} files, ${(corpus.a.bytes / MiB).toFixed(1)} MiB of YAML.`);
  out.push(`Version a: ${corpus.a.matters.toLocaleString("en")} matters defined (4 national annual lists with 42, 31 provincial lists extending them, ${corpus.a.checklists - 35} city lists extending their province), ${corpus.a.patches.toLocaleString("en")} patches, ${corpus.a.notApplicable} not-applicable entries, ${corpus.a.items} catalogue items, ${corpus.a.departments.toLocaleString("en")} departments.`);
  if (corpus.b) {
    const e = corpus.b.edits;
    out.push(`Version b (for diff): version a plus seeded edits in ${e.documentsChanged} lists: ${e.added} matters added, ${e.removed} removed, ${e.renamed} renamed (new id, \`formerIds\` kept), ${e.metricsChanged} metrics changed, ${e.ownersChanged} owners changed.`);
  }
  out.push(`\`onething validate\` on version a: ${results.validateSummary}.`, "");
  out.push("## Measurements", "");
  out.push("| measurement | command (cwd) | median | min | max | peak RSS (median / max) | exit | output |", "|---|---|---|---|---|---|---|---|");
  for (const entry of results.measurements) {
    out.push(`| ${entry.name} | \`${entry.command}\` (${entry.cwd}) | ${seconds(entry.medianMs)} | ${seconds(entry.minMs)} | ${seconds(entry.maxMs)} | ${mib(entry.medianRss)} / ${mib(entry.maxRss)} | ${entry.codes.join(", ")}${entry.ok ? "" : " (failed)"} | ${entry.findings} |`);
  }
  out.push("");
  if (results.floorDetail.length > 0) {
    out.push("In-process parse time of the floor runs (last run, without Node start-up and file reads): " + results.floorDetail.map((d) => `${d.parser} ${seconds(d.parseMs)}`).join(", ") + ". `yaml-document` (parseDocument with a LineCounter, what @onething/dsl needs for source ranges) is shown for reference; the floor is the fastest of js-yaml, yaml and onething (@onething/dsl's own parser).", "");
  }
  const diffParagraph = diffBreakdown(results);
  if (diffParagraph !== undefined) out.push(diffParagraph, "");
  out.push("## Ratios against the targets (issue 7)", "");
  out.push("| figure | measured | target | verdict | basis |", "|---|---|---|---|---|");
  for (const row of rows) {
    const value = row.value === undefined ? "—" : row.key === "keystroke" ? `${row.value.toFixed(0)} ms` : row.key === "rss" ? `${row.value.toFixed(0)} MiB` : ratioText(row.value);
    const target = row.key === "keystroke" ? `≤ ${row.target} ms` : row.key === "rss" ? `≤ ${row.target} MiB` : `≤ ${row.target}×`;
    const verdict = row.met === undefined ? "not measured" : row.met ? "met" : "**not met**";
    out.push(`| ${row.label} | ${value} | ${target} | ${verdict} | ${row.met === undefined ? row.reason : row.detail ?? ""} |`);
  }
  out.push("");
  out.push("## Not measured", "");
  const missing = Object.entries(results.unavailable);
  if (missing.length === 0) out.push("Everything was measured.");
  for (const [name, reason] of missing) out.push(`- ${name}: ${reason}`);
  out.push("");
  if (results.profile) {
    out.push("## Where `onething validate` spends its time", "");
    if (results.profile.error) {
      out.push(`The profile failed: ${results.profile.error}.`);
    } else {
      out.push(`One run of \`node --cpu-prof packages/cli/dist/bin.js validate checklists\` on version a (${seconds(results.profile.wallMs)} wall; ${results.profile.threads === 1 ? "one thread, no workers," : `${results.profile.threads} threads, the main thread and the workers,`} profiled for ${seconds(results.profile.totalMs)} in all), self time summed over the threads, with bundled code counted for the package its source map names:`, "");
      out.push("| package | self time | share |", "|---|---|---|");
      for (const entry of results.profile.packages) out.push(`| ${entry.key} | ${seconds(entry.ms)} | ${entry.percent.toFixed(1)} % |`);
      out.push("", "| function | self time | share |", "|---|---|---|");
      for (const entry of results.profile.functions) out.push(`| \`${entry.key}\` | ${seconds(entry.ms)} | ${entry.percent.toFixed(1)} % |`);
    }
    out.push("");
  }
  out.push("## How the peers are run", "");
  out.push("- **ajv-cli 5.0.0** (`validate --spec=draft7 --strict=false`, all-errors off, its default): every schemas/v1 file is passed with `-r`, copied with an `$id` each because ajv-cli adds `-r` schemas by `$id` and the v1 files have none (their refs are relative, for editors); `-s` is `document.schema.json`, an if/then/else on `kind` that picks the kind's schema (the Checklist schema for the " + (results.corpus.a.checklists ?? "") + " list files), so one ajv-cli run covers the same files as `onething validate`. `--strict=false` because the schemas carry the editor keyword `markdownEnumDescriptions`. ajv-cli reads YAML with js-yaml 3 (`safeLoad`, YAML 1.1 types), which is why the generator quotes every date: unquoted, js-yaml 3 would read a timestamp and fail `type: string`. Structural only, and ajv-cli compiles the schema at start-up.");
  out.push("- **Spectral 6.16.3** (`lint --ruleset … --format json`): the ruleset (written by bench/schemas.mjs from schemas/v1) is one rule, `given: $`, `function: schema`, `dialect: draft7`, whose schema is the same schemas bundled into one (every definition inlined, the same if/then/else on `kind`). Structural only.");
  out.push("- **The floor**: bench/floor.mjs reads every file and parses it in one process with js-yaml 4.1.1 `load`, yaml 2.9.1 `parse` (the version @onething/dsl uses) or @onething/dsl's `parseSource` (its block reader for the strict subset onething files use, with js-yaml and `yaml` beyond it); the fastest is the floor, so a faster parser of our own raises the bar instead of lowering the ratio.");
  out.push("- **`onething validate`**: `node packages/cli/bin/onething.js validate checklists --today " + TODAY + " --format json` (the committed launcher, as `npx onething` runs it without npx's own start-up); structural and all semantic rules.");
  out.push("- **Cold start**: the same launcher validating one small file (the 2025 batch 2 list, 2 matters) in a folder of its own, against `node -e 0`.");
  out.push("");
  return `${out.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// Main

async function ensureCorpus({ seed, scale, regenerate }) {
  const read = async (variant) => JSON.parse(await readFile(join(CORPUS, variant, "manifest.json"), "utf8").catch(() => "null"));
  let a = await read("a");
  let b = await read("b");
  if (regenerate || a?.seed !== seed || b?.seed !== seed || a?.scale !== scale || b?.scale !== scale) {
    process.stderr.write(`generating the corpus (seed ${seed})…\n`);
    const manifests = await generate({ seed, scale, variants: ["a", "b"], out: CORPUS });
    a = manifests.a;
    b = manifests.b;
  }
  return { a, b };
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      seed: { type: "string", default: "20240116" },
      scale: { type: "string", default: "1" },
      "info-runs": { type: "string", default: "1" },
      regenerate: { type: "boolean", default: false },
      "no-profile": { type: "boolean", default: false },
      out: { type: "string", default: join(BENCH, "RESULTS.md") },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write("--runs must be a positive integer\n");
    return 2;
  }
  if (!existsSync(CLI_DIST)) {
    process.stderr.write("packages/cli/dist/bin.js is missing: run npm run build first (npm run bench does).\n");
    return 2;
  }
  const machine = {
    date: new Date().toISOString(),
    node: process.version,
    nproc: spawnSync("nproc", { encoding: "utf8" }).stdout?.trim() || String(cpus().length),
    cpu: cpus()[0]?.model ?? "unknown CPU",
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free at start`,
    loadStart: loadavg().map((value) => value.toFixed(2)).join(" / "),
  };
  if (!hasTime) process.stderr.write("/usr/bin/time is not usable here: peak RSS will be missing\n");
  const corpus = await ensureCorpus({ seed: Number(values.seed), scale: Number(values.scale), regenerate: values.regenerate });
  const dirA = join(CORPUS, "a");
  const node = process.execPath;
  const cli = (args, options = {}) => ({ command: node, args: [CLI, ...args], ...options });
  const measurements = [];
  const unavailable = {};
  const step = async (spec) => {
    process.stderr.write(`${spec.name}…\n`);
    const result = await measure({ runs, ...spec });
    measurements.push(result);
    return result;
  };

  // A folder with one small file, for the cold start.
  const small = join(CORPUS, "small");
  await rm(small, { recursive: true, force: true });
  await mkdir(small, { recursive: true });
  await copyFile(join(dirA, "checklists", "national", "2025-2.yaml"), join(small, "one.yaml"));

  await step({ name: "node-e-0", command: node, args: ["-e", "0"], cwd: small });
  await step({ name: "cli-cold-start", ...cli(["validate", "one.yaml", "--today", TODAY]), cwd: small });

  const validateArgs = ["validate", "checklists", "--today", TODAY, "--format", "json"];
  const diagnosticCount = (sample) => {
    const report = JSON.parse(sample.stdout);
    const counts = {};
    for (const diagnostic of report.diagnostics) counts[diagnostic.severity] = (counts[diagnostic.severity] ?? 0) + 1;
    return `${counts.error ?? 0} errors, ${counts.warning ?? 0} warnings, ${counts.info ?? 0} infos`;
  };
  const cold = await step({ name: "validate-cold", ...cli(validateArgs), cwd: dirA, okCodes: [0, 1], findings: diagnosticCount });
  let validateSummary = `exit ${cold.codes.join(", ")}`;
  try {
    const report = JSON.parse(cold.stdout);
    const counts = {};
    for (const diagnostic of report.diagnostics) counts[diagnostic.severity] = (counts[diagnostic.severity] ?? 0) + 1;
    const codes = [...new Set(report.diagnostics.map((d) => d.code))];
    validateSummary = `exit ${cold.codes.join(", ")}, ${counts.error ?? 0} errors, ${counts.warning ?? 0} warnings, ${counts.info ?? 0} infos${codes.length ? ` (${codes.join(", ")})` : ""}`;
  } catch {
    validateSummary += `, output not JSON: ${cold.stderr.slice(0, 200)}`;
  }

  const validateHelp = await runOnce({ command: node, args: [CLI, "validate", "--help"], cwd: dirA });
  if (/--cache\b/.test(validateHelp.stdout)) {
    const cacheDir = join(dirA, ".onething-cache");
    await step({ name: "validate-cold-cache", ...cli([...validateArgs, "--cache"]), cwd: dirA, okCodes: [0, 1], findings: diagnosticCount, before: () => rm(cacheDir, { recursive: true, force: true }) });
    await runOnce({ command: node, args: [CLI, ...validateArgs, "--cache"], cwd: dirA });
    await step({ name: "validate-warm", ...cli([...validateArgs, "--cache"]), cwd: dirA, okCodes: [0, 1], findings: diagnosticCount });
  } else {
    unavailable["validate-warm"] = "`onething validate --help` lists no `--cache` option: the cache does not exist yet";
  }

  const floors = [];
  const floorDetail = [];
  for (const parser of ["js-yaml", "yaml", "onething", "yaml-document"]) {
    // yaml-document is for reference only (not a floor), so it runs --info-runs times (default 1).
    const result = await step({ name: `floor-${parser}`, command: node, args: [join(BENCH, "floor.mjs"), "--parser", parser, "checklists"], cwd: dirA, findings: (sample) => { const d = JSON.parse(sample.stdout); return `${d.files} files, parse ${seconds(d.parseMs)} in process`; }, ...(parser === "yaml-document" ? { runs: Number(values["info-runs"]) } : {}) });
    if (result.ok) {
      try {
        floorDetail.push(JSON.parse(result.stdout));
      } catch {
        // The timing line is informational; the wall time above stands without it.
      }
      if (parser !== "yaml-document") floors.push(result);
    }
  }
  const floor = floors.sort((x, y) => x.medianMs - y.medianMs)[0];

  const peers = join(CORPUS, "peers");
  const ajvSchemas = await writeAjvSchemas({ schemasFolder: join(ROOT, "schemas", "v1"), out: join(peers, "ajv") });
  const ajvBin = join(BENCH, "node_modules", "ajv-cli", "dist", "index.js");
  if (existsSync(ajvBin)) {
    await step({
      name: "ajv-cli",
      command: node,
      args: [ajvBin, "validate", "--spec=draft7", "--strict=false", "-s", ajvSchemas.main, ...ajvSchemas.referenced.flatMap((path) => ["-r", path]), "-d", "checklists/**/*.yaml"],
      cwd: dirA,
      findings: (sample) => {
        const text = `${sample.stdout}\n${sample.stderr}`;
        return `${(text.match(/ valid$/gm) ?? []).length} files valid, ${(text.match(/ invalid$/gm) ?? []).length} invalid`;
      },
    });
  } else {
    unavailable["ajv-cli"] = "bench/node_modules/ajv-cli is missing (run npm ci --prefix bench)";
  }
  const spectralBin = join(BENCH, "node_modules", "@stoplight", "spectral-cli", "dist", "index.js");
  if (existsSync(spectralBin)) {
    const ruleset = await writeSpectralRuleset({ schemasFolder: join(ROOT, "schemas", "v1"), out: join(peers, "spectral") });
    await step({ name: "spectral", command: node, args: [spectralBin, "lint", "--ruleset", ruleset, "--format", "json", "--quiet", "checklists/**/*.yaml"], cwd: dirA, findings: (sample) => `${JSON.parse(sample.stdout || "[]").length} problems` });
  } else {
    unavailable["spectral"] = "bench/node_modules/@stoplight/spectral-cli is missing (run npm ci --prefix bench)";
  }

  let diffWarm;
  const diffHelp = await runOnce({ command: node, args: [CLI, "diff", "--help"], cwd: CORPUS });
  if (diffHelp.code === 0) {
    const probe = await runOnce({ command: node, args: [CLI, "diff", "a/checklists", "b/checklists", "--format", "json"], cwd: CORPUS });
    if (probe.code === 0 || probe.code === 1) {
      await step({
        name: "diff",
        ...cli(["diff", "a/checklists", "b/checklists", "--format", "json"]),
        cwd: CORPUS,
        okCodes: [0, 1],
        findings: (sample) => {
          const { summary, impact } = JSON.parse(sample.stdout);
          return `${summary.changes} changes (${summary.breaking} breaking, ${summary.potentiallyBreaking} potentially breaking, ${summary.nonBreaking} non-breaking, ${summary.regressions} regressions), suggested bump ${impact}`;
        },
      });
      // Where the diff's time goes (not targets): Node's start-up with the diff command loaded, and the same diff
      // run five times in one process (bench/diff-warm.mjs), whose later runs no longer pay for cold code.
      await step({ name: "diff-start", ...cli(["diff", "--help"]), cwd: CORPUS, findings: () => "Node start-up, loading the diff command" });
      const inProcess = await step({
        name: "diff-in-process",
        command: node,
        args: [join(BENCH, "diff-warm.mjs"), "--runs", "5", "--", "diff", "a/checklists", "b/checklists", "--format", "json"],
        cwd: CORPUS,
        findings: (sample) => {
          const runs = JSON.parse(sample.stdout);
          return `last run: first diff ${seconds(runs.firstMs)}, best of the next ${runs.runs.length - 1} ${seconds(runs.warmMs)}`;
        },
      });
      diffWarm = inProcess.ok ? safely(() => JSON.parse(inProcess.stdout)) : undefined;
      // CI's own use: the working tree (version b) against the commit holding version a, read from git.
      const repo = await gitCorpus(CORPUS);
      if (repo === undefined) {
        unavailable["diff-git"] = "git is not installed";
      } else {
        await step({ name: "diff-git", ...cli(["diff", "HEAD", "checklists", "--format", "json"]), cwd: repo, okCodes: [0, 1], findings: (sample) => `${JSON.parse(sample.stdout).summary.changes} changes` });
      }
    } else {
      unavailable["diff"] = `\`onething diff a/checklists b/checklists\` exits ${probe.code}: ${probe.stderr.split("\n")[0].slice(0, 200)}`;
    }
  } else {
    unavailable["diff"] = "`onething diff --help` fails: the diff command does not exist yet (another helper is building it)";
  }

  const hasEditor = existsSync(join(ROOT, "packages", "tui", "package.json")) && (await runOnce({ command: node, args: [CLI, "edit", "--help"], cwd: CORPUS })).code === 0;
  let keystroke;
  if (hasEditor) {
    // bench/keystroke.mjs runs the built editor in process on a fake terminal; one run sends ~80 keys.
    process.stderr.write("keystroke…\n");
    const run = await runOnce({ command: node, args: [join(BENCH, "keystroke.mjs"), "--json", "--seed", String(values.seed)], cwd: ROOT });
    try {
      keystroke = JSON.parse(run.stdout.trim().split("\n").at(-1));
      process.stderr.write(`  keystroke: median ${keystroke.medianMs.toFixed(1)} ms over ${keystroke.n} keys (min ${keystroke.minMs.toFixed(1)}, max ${keystroke.maxMs.toFixed(1)})\n`);
    } catch {
      unavailable["keystroke"] = `bench/keystroke.mjs exits ${run.code}: ${(run.stderr.trim().split("\n").at(-1) ?? "").slice(0, 200)}`;
    }
  } else {
    unavailable["keystroke"] = "the editor (`onething edit`, packages/tui) does not exist yet";
  }

  let profile;
  if (!values["no-profile"]) {
    process.stderr.write("profiling one validate…\n");
    profile = await profileValidate(dirA);
  }
  machine.loadEnd = loadavg().map((value) => value.toFixed(2)).join(" / ");
  const results = { machine, corpus, runs, measurements, unavailable, floor, floorDetail, validateSummary, profile, keystroke, diffWarm };
  const rows = ratioRows(results);

  process.stdout.write(`\n${"measurement".padEnd(22)} ${"median".padStart(9)} ${"min".padStart(9)} ${"max".padStart(9)} ${"peak RSS".padStart(9)}  exit\n`);
  for (const entry of measurements) {
    process.stdout.write(`${entry.name.padEnd(22)} ${seconds(entry.medianMs).padStart(9)} ${seconds(entry.minMs).padStart(9)} ${seconds(entry.maxMs).padStart(9)} ${mib(entry.maxRss).padStart(9)}  ${entry.codes.join(",")}\n`);
  }
  printTable(rows);
  await writeFile(resolve(values.out), markdown(results, rows));
  process.stdout.write(`\nwrote ${relative(process.cwd(), resolve(values.out))}\n`);
  return 0;
}

/**
 * A git repository in `<corpus>/git` (made anew) whose only commit holds version a's checklists and whose working
 * tree holds version b's; undefined when git cannot run.
 */
async function gitCorpus(corpus) {
  const repo = join(corpus, "git");
  await rm(repo, { recursive: true, force: true });
  await mkdir(repo, { recursive: true });
  const git = (...args) => spawnSync("git", ["-C", repo, "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", ...args], { encoding: "utf8" });
  if (git("init", "--quiet").status !== 0) return undefined;
  await cp(join(corpus, "a", "checklists"), join(repo, "checklists"), { recursive: true });
  git("add", "checklists");
  git("commit", "--quiet", "-m", "version a");
  await rm(join(repo, "checklists"), { recursive: true });
  await cp(join(corpus, "b", "checklists"), join(repo, "checklists"), { recursive: true });
  return repo;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
