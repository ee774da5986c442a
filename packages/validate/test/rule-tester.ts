import type { Diagnostic, SourceDocument } from "@onething/schemas";
import { parseSource } from "@onething/dsl";
import { expect, test } from "vitest";
import { validateDocuments } from "../src/index.js";

/** One table row of a rule test: the project's files and the findings expected of the rule. */
export interface RuleCase {
  /** What the case shows. */
  name: string;
  /** YAML sources by project-relative path. */
  files: Record<string, string>;
  /** Expected findings of the rule as `file:line:col`, in sorted order; empty for a valid case. */
  expected: string[];
  /** The date overdue checks compare against; defaults to 2026-01-01. */
  today?: string;
}

/** Parses YAML sources with @onething/dsl, failing the test on a parse error. */
export function parseFiles(files: Record<string, string>): SourceDocument[] {
  return Object.entries(files).map(([path, text]) => {
    const result = parseSource({ path, text });
    const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
    if (!result.document || errors.length > 0) throw new Error(`${path} does not parse: ${JSON.stringify(errors)}`);
    return result.document;
  });
}

/** Formats a diagnostic as `code file:line:col`. */
export function place(diagnostic: Diagnostic): string {
  return `${diagnostic.code} ${diagnostic.file ?? ""}:${diagnostic.range?.start.line ?? 0}:${diagnostic.range?.start.column ?? 0}`;
}

/** Runs each case through `validateDocuments` and compares the rule's findings; the fixtures must pass the structural pass. */
export function testRule(ruleId: string, cases: readonly RuleCase[]): void {
  test.each(cases.map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
    const diagnostics = validateDocuments(parseFiles(entry.files), { today: entry.today ?? "2026-01-01" });
    expect(diagnostics.filter((diagnostic) => diagnostic.code.startsWith("schema-")).map(place)).toEqual([]);
    expect(diagnostics.filter((diagnostic) => diagnostic.code === ruleId).map(place)).toEqual(
      entry.expected.map((where) => `${ruleId} ${where}`),
    );
  });
}

/** Wraps plain data as a SourceDocument without source positions (`locate` finds nothing). */
export function wrapValue(value: unknown, path = "data.json"): SourceDocument {
  return { path, text: "", value, locate: () => undefined };
}
