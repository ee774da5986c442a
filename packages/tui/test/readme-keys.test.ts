import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BINDINGS, CONTEXT_LABELS, keyLabel, type Binding, type Context } from "../src/keys.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const EVERYWHERE = Object.keys(CONTEXT_LABELS).length;

/** The README row of a binding: its keys as the editor writes them, its labels, and where it works. */
function rowOf(binding: Binding): string {
  const keys = binding.keys.map((spec) => `\`${keyLabel(spec)}\``).join(" ");
  const where = binding.contexts.length === EVERYWHERE ? "任何时候" : binding.contexts.map((context: Context) => CONTEXT_LABELS[context].zh).join("、");
  return `| ${keys} | ${binding.label.zh} · ${binding.label.en} | ${where} |`;
}

describe("the README's key table", () => {
  it("lists every binding of the key table, as the editor shows it", () => {
    const missing = BINDINGS.map(rowOf).filter((row) => !readme.includes(`${row}\n`));
    // On failure, paste the rows printed here into the table of packages/tui/README.md.
    expect(missing).toEqual([]);
  });

  it("lists nothing else: one row per binding, in the table's order", () => {
    const table = readme.split("\n").filter((line) => line.startsWith("| `"));
    expect(table).toEqual(BINDINGS.map(rowOf));
  });

  it("names every context the key table uses", () => {
    const used = new Set(BINDINGS.flatMap((binding) => binding.contexts));
    for (const context of used) expect(CONTEXT_LABELS[context].zh).not.toBe("");
  });
});
