// A small, valid project the rule tests extend. Names and codes follow domain.md; the departments are
// illustrative stand-ins (dept.alpha …) so no real registry entry is invented.

/** A taxonomy with two subjects and a few stages. */
export const TAXONOMY = `apiVersion: onething/v1
kind: Taxonomy
metadata:
  id: cn.taxonomy
  title: { zh: 生命周期分类, en: Lifecycle taxonomy }
  version: 1.0.0
spec:
  subjects:
    - id: enterprise
      name: { zh: 经营主体, en: Business entity }
      stages:
        - { id: market-entry, name: { zh: 准入准营, en: Market entry } }
        - { id: exit, name: { zh: 注销退出, en: Exit } }
    - id: individual
      name: { zh: 个人, en: Individual }
      stages:
        - { id: birth, name: { zh: 出生, en: Birth } }
        - { id: after-death, name: { zh: 身后, en: After death } }
`;

/** A registry of three illustrative departments. */
export const REGISTRY = `apiVersion: onething/v1
kind: DepartmentRegistry
metadata:
  id: cn.departments
  title: { zh: 部门名录, en: Departments }
  version: 1.0.0
spec:
  departments:
    - { id: dept.alpha, name: { zh: 甲部门, en: Alpha }, level: national }
    - { id: dept.beta, name: { zh: 乙部门, en: Beta }, level: national }
    - { id: dept.gamma, name: { zh: 丙部门, en: Gamma }, level: national }
`;

/** A catalogue of three items, owned by different departments. */
export const CATALOG = `apiVersion: onething/v1
kind: ItemCatalog
metadata:
  id: cn.items
  title: { zh: 事项目录, en: Items }
  version: 1.0.0
spec:
  items:
    - { id: item.one, name: { zh: 事项一, en: Item one }, department: dept.alpha }
    - { id: item.two, name: { zh: 事项二, en: Item two }, department: dept.beta }
    - { id: item.three, name: { zh: 事项三, en: Item three }, department: dept.alpha }
`;

/** An annual checklist of batch 2024-1 with one matter, `newborn-birth`. */
export const ANNUAL = `apiVersion: onething/v1
kind: Checklist
metadata:
  id: cn.national.2024-1
  title: { zh: 2024年度第一批重点事项清单, en: 2024 batch 1 }
  version: 1.0.0
spec:
  scope: annual
  batch: { year: 2024, seq: 1 }
  matters:
    - id: newborn-birth
      name: { zh: 新生儿出生一件事, en: Newborn birth }
      subject: individual
      stage: birth
      batches: [{ year: 2024, seq: 1 }]
      confidence: unverified
`;

/** The base project: taxonomy, registry, catalogue and one annual checklist. */
export const BASE: Record<string, string> = {
  "taxonomy.yaml": TAXONOMY,
  "departments.yaml": REGISTRY,
  "items.yaml": CATALOG,
  "national/2024-1.yaml": ANNUAL,
};

/** A checklist file around the given matters (YAML lines indented for `matters:`), with optional spec lines before them. */
export function checklist(options: { id?: string; spec?: string; matters: string }): string {
  return `apiVersion: onething/v1
kind: Checklist
metadata:
  id: ${options.id ?? "cn.test"}
  title: { zh: 测试清单, en: Test list }
  version: 1.0.0
spec:
${options.spec ?? "  scope: total\n"}  matters:
${options.matters}`;
}

/**
 * One matter for `checklist({ matters })`: `- id:` on its first line, then name, subject, stage and
 * confidence, then `lines` (each written at the matter's indentation), so the first extra line is the
 * matter's sixth.
 */
export function matter(options: { id?: string; subject?: string; stage?: string; name?: string; lines?: string[] } = {}): string {
  return [
    `    - id: ${options.id ?? "a-matter"}`,
    `      name: ${options.name ?? "{ zh: 某一件事, en: A matter }"}`,
    `      subject: ${options.subject ?? "individual"}`,
    `      stage: ${options.stage ?? "birth"}`,
    "      confidence: unverified",
    ...(options.lines ?? []).map((line) => `      ${line}`),
    "",
  ].join("\n");
}

/** A document of any kind with the given spec lines (indented two spaces under `spec:`). */
export function document(options: { kind: string; id: string; spec: string[]; metadata?: string[] }): string {
  return [
    "apiVersion: onething/v1",
    `kind: ${options.kind}`,
    "metadata:",
    `  id: ${options.id}`,
    "  title: { zh: 测试, en: Test }",
    "  version: 1.0.0",
    ...(options.metadata ?? []).map((line) => `  ${line}`),
    "spec:",
    ...options.spec.map((line) => `  ${line}`),
    "",
  ].join("\n");
}
