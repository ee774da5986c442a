import type { Diagnostic, Severity, SourceRange } from "@onething/schemas";

/** Builds the range of `length` UTF-16 units starting at 1-based `line`:`column` of `text` (tests only). */
export function rangeIn(options: { text: string; line: number; column: number; length: number }): SourceRange {
  const lines = options.text.split("\n");
  let offset = 0;
  for (let index = 0; index < options.line - 1; index++) offset += (lines[index] ?? "").length + 1;
  offset += options.column - 1;
  return {
    start: { line: options.line, column: options.column, offset },
    end: { line: options.line, column: options.column + options.length, offset: offset + options.length },
  };
}

/** Builds a diagnostic with both languages filled from `zh` and `en` (tests only). */
export function makeDiagnostic(options: {
  code: string;
  severity: Severity;
  zh: string;
  en: string;
  file?: string;
  pointer?: string;
  range?: SourceRange;
  hint?: { zh: string; en: string };
}): Diagnostic {
  const diagnostic: Diagnostic = { code: options.code, severity: options.severity, message: { zh: options.zh, en: options.en } };
  if (options.file !== undefined) diagnostic.file = options.file;
  if (options.pointer !== undefined) diagnostic.pointer = options.pointer;
  if (options.range !== undefined) diagnostic.range = options.range;
  if (options.hint !== undefined) diagnostic.hint = options.hint;
  return diagnostic;
}

const CHECKLIST = [
  "apiVersion: onething/v1",
  "kind: Checklist",
  "metadata:",
  "  id: cn.national.2024-1",
  "  title: { zh: 2024年度第一批重点事项清单 }",
  "spec:",
  "  matters:",
  "    - id: newborn-birth",
  "      name: { zh: 新生儿出生一件事, colour: red }",
  "      owners: { lead: dept.nhc, partners: [dept.unknown] }",
  "      stage: 出生",
  "",
].join("\n");

const REGISTRY = ["apiVersion: onething/v1", "kind: DepartmentRegistry", "spec:", "  departments:", "    - id: dept.nhc", "\tlevel: national", ""].join("\n");

/** A small project with findings of every severity, one of them after Chinese text (tests only). */
export function sampleProject(): { sources: Map<string, string>; diagnostics: Diagnostic[] } {
  const checklist = "checklists/national/2024-1.yaml";
  const registry = "checklists/departments.yaml";
  const sources = new Map([
    [checklist, CHECKLIST],
    [registry, REGISTRY],
    ["checklists/taxonomy.yaml", "apiVersion: onething/v1\nkind: Taxonomy\n"],
  ]);
  const diagnostics = [
    makeDiagnostic({
      code: "unknown-field",
      severity: "error",
      zh: "未知字段 colour",
      en: "Unknown field colour",
      file: checklist,
      pointer: "/spec/matters/0/name/colour",
      range: rangeIn({ text: CHECKLIST, line: 9, column: 29, length: 6 }),
      hint: { zh: "删除该字段，或检查拼写", en: "Remove the field or check its spelling" },
    }),
    makeDiagnostic({
      code: "unknown-department",
      severity: "error",
      zh: "未知部门 dept.unknown",
      en: "Unknown department dept.unknown",
      file: checklist,
      pointer: "/spec/matters/0/owners/partners/0",
      range: rangeIn({ text: CHECKLIST, line: 10, column: 44, length: 12 }),
    }),
    makeDiagnostic({
      code: "unknown-stage",
      severity: "warning",
      zh: "阶段 出生 不是阶段编号",
      en: "Stage 出生 is not a stage id",
      file: checklist,
      pointer: "/spec/matters/0/stage",
      range: rangeIn({ text: CHECKLIST, line: 11, column: 14, length: 2 }),
    }),
    makeDiagnostic({
      code: "yaml-syntax",
      severity: "error",
      zh: "不能用制表符缩进",
      en: "Tabs are not allowed as indentation",
      file: registry,
      range: rangeIn({ text: REGISTRY, line: 6, column: 2, length: 5 }),
    }),
    makeDiagnostic({
      code: "missing-en-name",
      severity: "info",
      zh: "缺少英文名称",
      en: "Missing English name",
      file: registry,
      pointer: "/spec/departments/0",
      range: rangeIn({ text: REGISTRY, line: 5, column: 7, length: 2 }),
    }),
  ];
  return { sources, diagnostics };
}
