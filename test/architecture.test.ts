import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const packagesDir = join(root, "packages");

/** Which sibling packages each package may import (design.md §2: imports flow one way). */
const ALLOWED: Record<string, readonly string[]> = {
  schemas: [],
  dsl: ["schemas"],
  validate: ["schemas"],
  diff: ["schemas"],
  sdk: ["schemas", "dsl", "validate", "diff"],
  tui: ["schemas", "sdk"],
  cli: ["schemas", "sdk", "tui"],
  checklists: [],
};

/**
 * Build- and test-only edges (devDependencies): validate's and diff's tests parse their YAML cases with
 * dsl's parser; the checklists data package is built with the sdk (resolved JSON). Shipped code never
 * takes these edges; the package build order follows them, which is harmless.
 */
const DEV_ONLY: Record<string, readonly string[]> = {
  validate: ["dsl"],
  diff: ["dsl"],
  checklists: ["sdk"],
};

/** Entries that must run in a browser: no Node built-ins anywhere in what they pull in. */
const BROWSER_ENTRIES = ["schemas/src/index.ts", "dsl/src/index.ts", "validate/src/index.ts", "sdk/src/index.ts"];

const packages = readdirSync(packagesDir).filter((name) => statSync(join(packagesDir, name)).isDirectory());

function typescriptFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => join(dir, file));
  } catch {
    return [];
  }
}

const isTestFile = (file: string) => /\.test\.tsx?$/.test(file) || file.includes("/test/");

function sourceFiles(dir: string): string[] {
  return typescriptFiles(dir).filter((file) => !isTestFile(file));
}

function importedSiblings(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["']@onething\/([a-z-]+)/g)].map((m) => m[1] as string);
}

describe("package graph", () => {
  it.each(packages)("%s is a known package", (name) => {
    expect(Object.keys(ALLOWED)).toContain(name);
  });

  it.each(packages)("%s depends only on the packages below it", (name) => {
    const manifest = JSON.parse(readFileSync(join(packagesDir, name, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
    };
    const deps = Object.keys(manifest.dependencies ?? {})
      .filter((dep) => dep.startsWith("@onething/"))
      .map((dep) => dep.slice("@onething/".length));
    const allowed = ALLOWED[name] ?? [];
    expect(deps.filter((dep) => !allowed.includes(dep))).toEqual([]);
  });

  it.each(packages)("%s's tests import only the packages below it, or a declared dev-only edge", (name) => {
    const allowed = [...(ALLOWED[name] ?? []), ...(DEV_ONLY[name] ?? [])];
    const manifest = JSON.parse(readFileSync(join(packagesDir, name, "package.json"), "utf8")) as {
      devDependencies?: Record<string, string>;
    };
    const devDeps = Object.keys(manifest.devDependencies ?? {})
      .filter((dep) => dep.startsWith("@onething/"))
      .map((dep) => dep.slice("@onething/".length));
    expect(devDeps.filter((dep) => !allowed.includes(dep))).toEqual([]);
    const tests = [...typescriptFiles(join(packagesDir, name, "src")), ...typescriptFiles(join(packagesDir, name, "test"))].filter(isTestFile);
    const offending = tests.flatMap((file) =>
      importedSiblings(file)
        .filter((dep) => dep !== name && !allowed.includes(dep))
        .map((dep) => `${relative(root, file)} imports @onething/${dep}`),
    );
    expect(offending).toEqual([]);
  });

  it.each(packages)("%s's sources import only the packages below it", (name) => {
    const allowed = ALLOWED[name] ?? [];
    const offending = sourceFiles(join(packagesDir, name, "src")).flatMap((file) =>
      importedSiblings(file)
        .filter((dep) => dep !== name && !allowed.includes(dep))
        .map((dep) => `${relative(root, file)} imports @onething/${dep}`),
    );
    expect(offending).toEqual([]);
  });
});

describe("browser-safe entries", () => {
  const alias = Object.fromEntries(
    packages.map((name) => [`@onething/${name}`, join(packagesDir, name, "src", "index.ts")]),
  );
  it.each(BROWSER_ENTRIES.filter((entry) => packages.includes(entry.split("/")[0] as string)))(
    "%s bundles for the browser without Node built-ins",
    async (entry) => {
      const result = await build({
        entryPoints: [join(packagesDir, entry)],
        bundle: true,
        platform: "browser",
        format: "esm",
        write: false,
        logLevel: "silent",
        alias,
      }).catch((error: { errors?: { text: string }[] }) => ({ errors: error.errors ?? [] }));
      expect(result.errors.map((e) => e.text)).toEqual([]);
    },
    30_000,
  );
});
