#!/usr/bin/env node
// The parse floor: read every *.yaml file under a folder and parse it in this one process, nothing else.
//
//   node bench/floor.mjs --parser js-yaml|yaml|onething|yaml-document <folder>
//
// js-yaml: js-yaml's load (YAML 1.2 core schema). yaml: the `yaml` package's parse (plain values, no
// Document kept). onething: @onething/dsl's parseSource (its own block reader for the strict subset, js-yaml or
// `yaml` beyond it), so that the floor stays the fastest parse there is once ours is the fastest. yaml-document:
// the `yaml` package's parseDocument with a LineCounter, which keeps the node tree and source ranges as
// @onething/dsl needs them for files with findings (reported beside the floor, never as it).
// Prints one line of JSON: files, bytes, and the milliseconds spent reading and parsing.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import jsYaml from "js-yaml";
import { LineCounter, parse, parseDocument } from "yaml";
import { parseSource } from "@onething/dsl";

const PARSERS = {
  "js-yaml": (text) => jsYaml.load(text),
  yaml: (text) => parse(text),
  onething: (text) => parseSource({ path: "floor.yaml", text }),
  "yaml-document": (text) => parseDocument(text, { lineCounter: new LineCounter() }),
};

async function collect(folder, out) {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await collect(path, out);
    else if (/\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out;
}

const { values, positionals } = parseArgs({ options: { parser: { type: "string", default: "js-yaml" } }, allowPositionals: true });
const parser = PARSERS[values.parser];
if (parser === undefined || positionals.length !== 1) {
  process.stderr.write(`usage: node bench/floor.mjs --parser ${Object.keys(PARSERS).join("|")} <folder>\n`);
  process.exit(2);
}
const started = performance.now();
const files = await collect(positionals[0], []);
let bytes = 0;
let parseMs = 0;
for (const file of files) {
  const text = await readFile(file, "utf8");
  bytes += Buffer.byteLength(text);
  const before = performance.now();
  parser(text);
  parseMs += performance.now() - before;
}
process.stdout.write(`${JSON.stringify({ parser: values.parser, files: files.length, bytes, parseMs: Math.round(parseMs), totalMs: Math.round(performance.now() - started) })}\n`);
