import { readFileSync, readdirSync } from "node:fs";
import { posix } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const folder = fileURLToPath(new URL("./", import.meta.url));

/** The modules `src/index.ts` reaches, following relative imports. */
function reachableFrom(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() ?? "";
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(folder + file, "utf8");
    for (const match of text.matchAll(/from\s+"(\.\.?\/[^"]+)\.js"/g)) {
      queue.push(posix.normalize(posix.join(posix.dirname(file), `${match[1]}.ts`)));
    }
  }
  return [...seen].sort();
}

describe("the main entry", () => {
  it("reaches no node: module and no process global, so it runs in a browser", () => {
    const files = reachableFrom("index.ts");
    expect(files).not.toContain("node.ts");
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = readFileSync(folder + file, "utf8");
      expect(text, file).not.toMatch(/from\s+"node:|from\s+"(?:fs|path|os)(?:\/[a-z]+)?"|\bprocess\./);
    }
  });

  it("covers every non-test source file except the node entry and the test helpers (test-*.ts)", () => {
    const sources = readdirSync(folder, { recursive: true, encoding: "utf8" })
      .map((name) => name.split("\\").join("/"))
      .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts") && name !== "node.ts" && !name.startsWith("test-"));
    expect(reachableFrom("index.ts")).toEqual(sources.sort());
  });
});
