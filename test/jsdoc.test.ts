import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const packagesDir = join(root, "packages");

/** Packages whose public entries are checked; checklists ships a hand-written `.d.ts` instead of sources. */
const PACKAGES = ["schemas", "dsl", "validate", "diff", "sdk", "cli", "tui"] as const;
const UNCHECKED = ["checklists"];

/** The public entries of a package: `src/index.ts`, and `src/node.ts` where the package has a Node entry. */
const ENTRY_FILES = ["index.ts", "node.ts"];

/**
 * The model types generated from the JSON Schemas carry the schema descriptions as their JSDoc; they are
 * checked by the schema tests, not here.
 */
const GENERATED = [join(packagesDir, "schemas/src/types.ts"), join(packagesDir, "schemas/src/generated/")];

interface ExportedDeclaration {
  name: string;
  location: string;
  documented: boolean;
  callable: boolean;
  hasExample: boolean;
}

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(join(root, "tsconfig.base.json"), (path) => ts.sys.readFile(path));
  return { ...ts.parseJsonConfigFileContent(config.config, ts.sys, root).options, noEmit: true };
}

function entriesOf(pkg: string): string[] {
  return ENTRY_FILES.map((file) => join(packagesDir, pkg, "src", file)).filter((file) => existsSync(file));
}

/** Strips parentheses and type assertions, so that `(() => 1) as F` still counts as an arrow function. */
function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

function isCallableDeclaration(declaration: ts.Declaration): boolean {
  if (ts.isFunctionDeclaration(declaration)) return true;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) return false;
  const initializer = unwrap(declaration.initializer);
  return ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer);
}

function locate(declaration: ts.Declaration): string {
  const source = declaration.getSourceFile();
  const { line } = source.getLineAndCharacterOfPosition(declaration.getStart(source));
  return `${relative(root, source.fileName)}:${line + 1}`;
}

function isGenerated(declaration: ts.Declaration): boolean {
  const file = declaration.getSourceFile().fileName;
  return GENERATED.some((generated) => (generated.endsWith("/") ? file.startsWith(generated) : file === generated));
}

const program = ts.createProgram({
  rootNames: PACKAGES.flatMap(entriesOf),
  options: compilerOptions(),
});
const checker = program.getTypeChecker();

/** Every symbol a package exports from its public entries, resolved through re-exports to its declaration. */
function exportedDeclarations(pkg: string): ExportedDeclaration[] {
  const found = new Map<string, ExportedDeclaration>();
  for (const entry of entriesOf(pkg)) {
    const source = program.getSourceFile(entry);
    const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`Cannot open the entry ${relative(root, entry)}`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      if (found.has(exported.name)) continue;
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = target.declarations ?? [];
      const first = declarations[0];
      if (first === undefined) {
        found.set(exported.name, { name: exported.name, location: "unresolved", documented: false, callable: false, hasExample: false });
        continue;
      }
      if (declarations.every(isGenerated)) continue;
      const comment = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
      found.set(exported.name, {
        name: exported.name,
        location: locate(first),
        documented: comment !== "",
        callable: declarations.some(isCallableDeclaration),
        hasExample: target.getJsDocTags(checker).some((tag) => tag.name === "example" && ts.displayPartsToString(tag.text).trim() !== ""),
      });
    }
  }
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const offender = (pkg: string, declaration: ExportedDeclaration) => `${pkg}: ${declaration.name} (${declaration.location})`;

function undocumented(pkg: string): string[] {
  return exportedDeclarations(pkg)
    .filter((declaration) => !declaration.documented)
    .map((declaration) => offender(pkg, declaration));
}

function withoutExample(pkg: string): string[] {
  return exportedDeclarations(pkg)
    .filter((declaration) => declaration.callable && !declaration.hasExample)
    .map((declaration) => offender(pkg, declaration));
}

describe("JSDoc on the public API", () => {
  it("checks every package except those with hand-written declarations", () => {
    const onDisk = readdirSync(packagesDir).filter((name) => statSync(join(packagesDir, name)).isDirectory());
    expect([...PACKAGES, ...UNCHECKED].sort()).toEqual(onDisk.sort());
  });

  it.each(PACKAGES)("%s has public entries that export something", (pkg) => {
    expect(entriesOf(pkg).length).toBeGreaterThan(0);
    expect(exportedDeclarations(pkg).length).toBeGreaterThan(0);
  });

  it.each(PACKAGES)("%s: every exported symbol has a JSDoc comment", (pkg) => {
    expect(undocumented(pkg)).toEqual([]);
  });

  it.each(PACKAGES)("%s: every exported function has an @example", (pkg) => {
    expect(withoutExample(pkg)).toEqual([]);
  });
});
