import { parseSource } from "@onething/dsl";
import type { SourceDocument } from "@onething/schemas";

/** Parses YAML texts by path into documents; fails the test when a text does not parse (tests only). */
export function parseAll(files: Record<string, string>): SourceDocument[] {
  return Object.entries(files).map(([path, text]) => {
    const { document, diagnostics } = parseSource({ path, text });
    if (document === undefined) throw new Error(`${path} does not parse: ${diagnostics.map((d) => d.code).join(", ")}`);
    return document;
  });
}

/** A Checklist document around the given matters YAML (indented as list items under `matters:`), tests only. */
export function checklist(matters: string, options: { id?: string; extra?: string } = {}): string {
  return `apiVersion: onething/v1
kind: Checklist
metadata:
  id: ${options.id ?? "cn.test.list"}
  title: { zh: 测试清单, en: Test list }
  version: 1.0.0
spec:
  scope: total
${options.extra ?? ""}  matters:
${matters}`;
}
