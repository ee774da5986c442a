#!/usr/bin/env node
// Keystroke-to-frame of the terminal editor (`onething edit`) on a 1,000-matter list (issue 7: median ≤ 30 ms).
// Runs the built editor (packages/tui/dist) in this process with Ink's real renderer (throttled, diffing, not
// debug mode) on a fake terminal: standard input is a stream the harness writes key sequences to, standard
// output a TTY-like stream that timestamps every write. Each measured key is the time from the write to
// standard input to the end of the frame Ink writes for it. Keys are sent one at a time, each after the
// previous frame and a quiet gap (a fast typist, not a paste), so Ink's 30 fps throttle never holds a frame.
// Commits (Enter on an edited field, undo, moving and deleting a matter) change the 1,000-matter file: they are measured too, and the
// debounced validation after them is waited out before the next key.
//
//   node bench/keystroke.mjs [--matters 1000] [--seed 20240116] [--gap 50] [--columns 100] [--rows 30] [--json] [--production] [--help]
//
// --production: React's production build (NODE_ENV=production), as a CLI that sets it would run.
//
// The list is cut from bench/generate.mjs's seeded corpus (scale 0.1, written by its own YAML writer): the first
// matters of its provincial and city lists, ids made unique, in one checklist beside the corpus's taxonomy,
// registries and catalogues. The lists those matters came from and the national lists are removed; the other
// city lists of the scale-0.1 corpus stay (about 110 documents in all), so the editor holds and validates more
// than the one list, as it would in a real project.
// Needs the build (`npx turbo build --filter=@onething/cli...`).
import { EventEmitter } from "node:events";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generate } from "./generate.mjs";

// Ink draws only the last frame when it believes it runs in CI; it reads CI when it is imported.
process.env.CI = "false";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, "..");
const TUI_DIST = join(ROOT, "packages", "tui", "dist", "index.js");
const LIST_IN_CHECKLISTS = "lists/keystroke.yaml";
const LIST = `checklists/${LIST_IN_CHECKLISTS}`;
const TODAY = "2026-06-30";

const { values } = parseArgs({
  options: {
    matters: { type: "string", default: "1000" },
    seed: { type: "string", default: "20240116" },
    gap: { type: "string", default: "50" },
    columns: { type: "string", default: "100" },
    rows: { type: "string", default: "30" },
    json: { type: "boolean", default: false },
    production: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  process.stdout.write(
    [
      "Keystroke-to-frame of `onething edit` on a generated list (issue 7: median ≤ 30 ms on 1,000 matters).",
      "",
      "  node bench/keystroke.mjs [--matters 1000] [--seed 20240116] [--gap 50] [--columns 100] [--rows 30] [--json] [--production]",
      "",
      "  --matters     matters in the list (default 1000)",
      "  --seed        corpus seed (default 20240116)",
      "  --gap         quiet ms before each key (default 50)",
      "  --columns, --rows   fake terminal size (default 100×30)",
      "  --json        one JSON line instead of the table",
      "  --production  React's production build (NODE_ENV=production), as `onething edit` runs it",
      "",
      "Needs the build: npx turbo build --filter=@onething/cli...",
      "",
    ].join("\n"),
  );
  process.exit(0);
}
// React runs its development build unless NODE_ENV says production (the CLI does not set it today).
if (values.production) process.env.NODE_ENV = "production";

if (!existsSync(TUI_DIST)) {
  process.stderr.write(`keystroke: ${TUI_DIST} is missing; build first (npx turbo build --filter=@onething/cli...)\n`);
  process.exit(2);
}

const { createElement } = await import("react");
const { render } = await import("ink");
const { loadProject } = await import("@onething/sdk/node");
const { App, createState } = await import(TUI_DIST);

/**
 * Writes the project: bench/generate.mjs's corpus (scale 0.1, its own YAML writer), less its checklists, plus
 * one list of `count` matters cut from the corpus's provincial and city lists, ids made unique.
 */
async function writeProject(folder, { seed, count }) {
  await generate({ seed, scale: 0.1, variants: ["a"], out: folder });
  const checklists = join(folder, "a", "checklists");
  const lists = [];
  for (const group of ["provinces", "cities"]) {
    for (const name of (await readdir(join(checklists, group), { recursive: true })).filter((file) => file.endsWith(".yaml")).sort()) lists.push(join(checklists, group, name));
  }
  const lines = [];
  const seen = new Map();
  let matters = 0;
  for (const path of lists) {
    if (matters >= count) break;
    const text = await readFile(path, "utf8");
    const body = text.split("\n");
    let inside = false;
    for (const line of body) {
      if (line === "  matters:") {
        inside = true;
        continue;
      }
      if (!inside) continue;
      if (!line.startsWith("   ")) break;
      const id = /^    - id: (.+)$/u.exec(line)?.[1];
      if (id !== undefined) {
        if (matters >= count) break;
        matters += 1;
        const uses = (seen.get(id) ?? 0) + 1;
        seen.set(id, uses);
        lines.push(uses === 1 ? line : `    - id: ${id}-${uses}`);
      } else {
        lines.push(line);
      }
    }
    await rm(path);
  }
  await rm(join(checklists, "national"), { recursive: true, force: true });
  if (matters < count) throw new Error(`the corpus has only ${matters} local matters, fewer than ${count}`);
  const header = [
    "apiVersion: onething/v1",
    "kind: Checklist",
    "metadata:",
    "  id: bench.keystroke",
    "  title: { zh: 按键基准清单, en: Keystroke bench list }",
    "  version: 1.0.0",
    '  jurisdiction: { level: provincial, division: "370000" }',
    "  confidence: illustrative",
    "spec:",
    "  scope: local",
    "  matters:",
  ];
  const text = `${[...header, ...lines].join("\n")}\n`;
  await mkdir(dirname(join(checklists, LIST_IN_CHECKLISTS)), { recursive: true });
  await writeFile(join(checklists, LIST_IN_CHECKLISTS), text);
  return { root: join(folder, "a"), lines: text.split("\n").length - 1, bytes: Buffer.byteLength(text) };
}

/** A terminal's output: TTY-like, with the size asked for; remembers when it was last written to. */
class FakeStdout extends EventEmitter {
  constructor(columns, rows) {
    super();
    this.isTTY = true;
    this.columns = columns;
    this.rows = rows;
    this.lastWrite = 0;
    this.writes = 0;
    this.text = "";
  }
  write(chunk, encoding, callback) {
    this.lastWrite = performance.now();
    this.writes += 1;
    const text = String(chunk);
    if (text.includes("onething │")) this.text = text;
    if (typeof encoding === "function") encoding();
    else if (typeof callback === "function") callback();
    return true;
  }
}

/** A terminal's input in raw mode: what `send` writes is read by Ink's `readable` handler. */
class FakeStdin extends EventEmitter {
  constructor() {
    super();
    this.isTTY = true;
    this.queue = [];
  }
  setRawMode() {}
  setEncoding() {}
  ref() {}
  unref() {}
  resume() {}
  pause() {}
  read() {
    return this.queue.shift() ?? null;
  }
  send(data) {
    this.queue.push(data);
    this.emit("readable");
  }
}

const sleep = (ms) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms));

/** Waits until standard output has been quiet for `quiet` ms (at most `limit` ms). */
async function settle(stdout, quiet, limit = 10_000) {
  const start = performance.now();
  while (performance.now() - Math.max(stdout.lastWrite, start) < quiet && performance.now() - start < limit) await sleep(5);
}

/** Sends one key and resolves with the ms from the write to the end of the frame it caused (undefined: no frame). */
async function press(stdin, stdout, key, timeout = 5_000) {
  const writes = stdout.writes;
  const sent = performance.now();
  stdin.send(key);
  while (stdout.writes === writes) {
    if (performance.now() - sent > timeout) return undefined;
    await new Promise((resolvePromise) => setImmediate(resolvePromise));
  }
  // A frame can be several writes in one turn of the event loop (synchronized-output markers, the cursor).
  await new Promise((resolvePromise) => setImmediate(resolvePromise));
  return stdout.lastWrite - sent;
}

const DOWN = "\u001B[B";
const UP = "\u001B[A";
const SHIFT_DOWN = "\u001B[1;2B";
const ENTER = "\r";
const BACKSPACE = "\u007F";

/** The keys sent, in order: [kind, key, settle after]. */
function script() {
  const keys = [];
  const add = (kind, key, count = 1, after = false) => {
    for (let index = 0; index < count; index += 1) keys.push([kind, key, after]);
  };
  add("tree ↓", DOWN, 3);
  add("tree Enter (expand a stage)", ENTER);
  add("tree ↓", DOWN, 20);
  add("tree ↑", UP, 5);
  add("tree Enter (open the form)", ENTER);
  add("form ↓/↑", DOWN, 4);
  add("form ↓/↑", UP, 4);
  for (let round = 0; round < 2; round += 1) {
    add("e (start editing)", "e");
    for (const character of "测试输入甲乙") add("typing a character", character);
    add("Backspace", BACKSPACE, 2);
    add("Enter (commit the edit)", ENTER, 1, true);
  }
  add("u (undo)", "u", 1, true);
  add("Tab (focus)", "\t", 2);
  add("/ (search)", "/");
  // "一件事" is in most matter names, so n always moves to another matter.
  for (const character of "一件事") add("search typing", character);
  add("search Enter", ENTER);
  add("n (next match)", "n", 2);
  // On a matter (n lands on one): reorder it, delete it (d, then y), undo the deletion.
  add("Shift+↓ (move a matter)", SHIFT_DOWN, 1, true);
  add("d (delete: the question)", "d");
  add("y (delete the matter)", "y", 1, true);
  add("u (undo)", "u", 1, true);
  add("tree ↓", DOWN, 10);
  return keys;
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const median = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { n: sorted.length, medianMs: median, minMs: sorted[0], p90Ms: at(0.9), maxMs: sorted.at(-1) };
}

const folder = await mkdtemp(join(tmpdir(), "onething-keystroke-"));
try {
  const count = Number(values.matters);
  const list = await writeProject(folder, { seed: Number(values.seed), count });
  const loadStarted = performance.now();
  const project = await loadProject({ root: list.root, paths: ["checklists"], today: TODAY });
  const columns = Number(values.columns);
  const rows = Number(values.rows);
  const initial = createState({ documents: project.documents, editable: [LIST], problems: project.diagnostics, lang: "zh", size: { columns, rows } });
  const loadMs = performance.now() - loadStarted;
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const host = {
    head: "bench",
    today: TODAY,
    save: async () => ({ status: "saved" }),
    read: async () => [],
    writeRecovery: () => undefined,
    exit: () => undefined,
  };
  const started = performance.now();
  const instance = render(createElement(App, { initial, host }), { stdin, stdout, stderr: stdout, exitOnCtrlC: false, patchConsole: false });
  await settle(stdout, 300);
  const firstFrameMs = performance.now() - started;
  const gap = Number(values.gap);
  const samples = [];
  const byKind = new Map();
  let missed = 0;
  for (const [kind, key, after] of script()) {
    const ms = await press(stdin, stdout, key);
    if (ms === undefined) missed += 1;
    else {
      samples.push(ms);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    }
    if (after) await settle(stdout, 400);
    else await settle(stdout, gap);
  }
  await settle(stdout, 400);
  const header = stdout.text;
  instance.unmount();
  const result = {
    matters: count,
    listLines: list.lines,
    listBytes: list.bytes,
    loadMs,
    firstFrameMs,
    terminal: `${columns}×${rows}`,
    keys: samples.length,
    missed,
    ...stats(samples),
    byKind: Object.fromEntries([...byKind].map(([kind, values]) => [kind, stats(values)])),
    // Two edits, one undone, then a move and a deletion, the deletion undone: the last frame's header shows
    // 2 unsaved edits, proof that the keys arrived.
    unsavedEditsShown: /未保存 (\d+) 处修改/u.exec(header)?.[1] ?? "?",
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    const f = (ms) => ms.toFixed(1).padStart(7);
    process.stdout.write(`keystroke-to-frame, ${count} matters (${list.lines} YAML lines), terminal ${result.terminal}; load ${(loadMs / 1000).toFixed(2)} s, first frame ${firstFrameMs.toFixed(0)} ms\n`);
    process.stdout.write(`${"key".padEnd(30)} ${"n".padStart(3)} ${"median".padStart(7)} ${"min".padStart(7)} ${"max".padStart(7)}  (ms)\n`);
    for (const [kind, entry] of Object.entries(result.byKind)) process.stdout.write(`${kind.padEnd(30)} ${String(entry.n).padStart(3)} ${f(entry.medianMs)} ${f(entry.minMs)} ${f(entry.maxMs)}\n`);
    process.stdout.write(`${"all keys".padEnd(30)} ${String(result.n).padStart(3)} ${f(result.medianMs)} ${f(result.minMs)} ${f(result.maxMs)}   p90 ${result.p90Ms.toFixed(1)} ms; no frame: ${missed}; unsaved edits shown: ${result.unsavedEditsShown}\n`);
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}
