#!/usr/bin/env node
// The diff without its cold costs: runs the built `onething` (packages/cli/dist, through its exported `main`)
// several times in this one process on the same arguments, and reports each run's time. The first run pays
// what every real run pays once (compiling and optimising the code it runs, memory touched for the first
// time); the later ones show what the same work costs once that is paid. Node's own start-up is in neither.
//
//   node bench/diff-warm.mjs [--runs N] -- diff a/checklists b/checklists --format json
//
// Prints one line of JSON: the milliseconds of each run, the first, the best of the others, and the length
// of the output (the same in every run, or the script fails).
import { parseArgs } from "node:util";
import { main } from "../packages/cli/dist/index.js";

const USAGE = "usage: node bench/diff-warm.mjs [--runs N ≥ 2] -- <onething arguments>\n";
let parsed;
try {
  parsed = parseArgs({ options: { runs: { type: "string", default: "5" } }, allowPositionals: true });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 2 || positionals.length === 0) {
  process.stderr.write(USAGE);
  process.exit(2);
}

const times = [];
let length;
for (let run = 0; run < runs; run += 1) {
  let written = 0;
  const stdout = { write: (chunk) => (written += chunk.length) };
  const started = performance.now();
  const code = await main(positionals, { stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), isTTY: false });
  times.push(performance.now() - started);
  if (code > 1) process.exit(code);
  if (length !== undefined && written !== length) {
    process.stderr.write(`run ${run + 1} wrote ${written} characters, the first ${length}\n`);
    process.exit(2);
  }
  length = written;
}
const [first, ...rest] = times;
process.stdout.write(`${JSON.stringify({ runs: times.map(Math.round), firstMs: Math.round(first), warmMs: Math.round(Math.min(...rest)), outputLength: length })}\n`);
