type SchemaNode = Record<string, unknown>;

/** Options of `generateKnownFields`. */
export interface GenerateKnownFieldsOptions {
  /** The root schema of each document kind. */
  roots: Record<string, SchemaNode>;
  /** Every schema file by file name, for resolving `file.json#/definitions/X` references. */
  files: Record<string, SchemaNode>;
}

function resolveRef(ref: string, from: { file: string; files: Record<string, SchemaNode> }): { node: SchemaNode; file: string } | undefined {
  const { file, files } = from;
  const [target = "", fragment = ""] = ref.split("#");
  const targetFile = target === "" ? file : target;
  let node: unknown = files[targetFile];
  for (const token of fragment.split("/").filter(Boolean)) node = (node as SchemaNode | undefined)?.[token];
  return typeof node === "object" && node !== null ? { node: node as SchemaNode, file: targetFile } : undefined;
}

/** What {@link walkSchemas} shows its visitor: a schema node, its kind and its instance path (indexes written `*`). */
interface SchemaVisit {
  /** The document kind whose schema is walked. */
  kind: string;
  /** The instance path of the node, array indexes written `*`. */
  path: string;
  /** The schema node, before its `$ref` (if any) is followed. */
  node: SchemaNode;
}

/** Walks every kind's schema, following refs, `then` / `else` / `allOf`, properties and array items. */
function walkSchemas(options: GenerateKnownFieldsOptions, visit: (at: SchemaVisit) => void): void {
  for (const [kind, root] of Object.entries(options.roots)) {
    const fileOf = Object.entries(options.files).find(([, schema]) => schema === root)?.[0] ?? "";
    const walk = (node: SchemaNode, at: { file: string; path: string; depth: number }): void => {
      const { file, path, depth } = at;
      if (depth > 40) return;
      visit({ kind, path, node });
      if (typeof node.$ref === "string") {
        const target = resolveRef(node.$ref, { file, files: options.files });
        if (target) walk(target.node, { file: target.file, path, depth: depth + 1 });
        return;
      }
      const parts = [node, node.then, node.else, ...(Array.isArray(node.allOf) ? node.allOf : [])].filter(
        (part): part is SchemaNode => typeof part === "object" && part !== null,
      );
      for (const part of parts) {
        const properties = part.properties as Record<string, SchemaNode> | undefined;
        if (!properties) continue;
        for (const [name, child] of Object.entries(properties)) walk(child, { file, path: `${path}/${name}`, depth: depth + 1 });
      }
      const items = node.items;
      if (typeof items === "object" && items !== null && !Array.isArray(items)) walk(items as SchemaNode, { file, path: `${path}/*`, depth: depth + 1 });
    };
    walk(root, { file: fileOf, path: "", depth: 0 });
  }
}

/**
 * The closed objects of every kind's schema as a map from instance path (array indexes written `*`) to
 * the property names allowed there, for "did you mean" hints on unknown fields.
 */
export function generateKnownFields(options: GenerateKnownFieldsOptions): Record<string, Record<string, string[]>> {
  const result: Record<string, Record<string, string[]>> = Object.fromEntries(Object.keys(options.roots).map((kind) => [kind, {}]));
  walkSchemas(options, ({ kind, path, node }) => {
    const fields = result[kind] ?? {};
    const parts = [node, node.then, node.else, ...(Array.isArray(node.allOf) ? node.allOf : [])].filter(
      (part): part is SchemaNode => typeof part === "object" && part !== null,
    );
    for (const part of parts) {
      const properties = part.properties as Record<string, SchemaNode> | undefined;
      if (properties) fields[path] = [...new Set([...(fields[path] ?? []), ...Object.keys(properties)])].sort();
    }
  });
  return result;
}

/** Every instance path (array indexes written `*`) of each kind whose value is a FullDate or a PartialDate. */
export function generateDateFields(options: GenerateKnownFieldsOptions): Record<string, string[]> {
  const result: Record<string, Set<string>> = Object.fromEntries(Object.keys(options.roots).map((kind) => [kind, new Set<string>()]));
  walkSchemas(options, ({ kind, path, node }) => {
    if (typeof node.$ref === "string" && /#\/definitions\/(?:FullDate|PartialDate)$/.test(node.$ref)) result[kind]?.add(path);
  });
  return Object.fromEntries(Object.entries(result).map(([kind, paths]) => [kind, [...paths].sort()]));
}

/** Renders the date-fields map as the TypeScript module committed under `src/generated/`. */
export function renderDateFields(fields: Record<string, string[]>): string {
  return [
    "// Generated from schemas/v1 by src/known-fields.test.ts; run `npx vitest run packages/validate -u` after a schema change.",
    "/** The instance paths (array indexes written `*`) of each kind whose value is a FullDate or PartialDate. */",
    `export const DATE_FIELDS: Record<string, readonly string[]> = ${JSON.stringify(fields, null, 2)};`,
    "",
  ].join("\n");
}

/** Renders the known-fields map as the TypeScript module committed under `src/generated/`. */
export function renderKnownFields(fields: Record<string, Record<string, string[]>>): string {
  return [
    "// Generated from schemas/v1 by src/known-fields.test.ts; run `npx vitest run packages/validate -u` after a schema change.",
    "/** The property names each closed object of each kind allows, by instance path (array indexes written `*`). */",
    `export const KNOWN_FIELDS: Record<string, Record<string, readonly string[]>> = ${JSON.stringify(fields, null, 2)};`,
    "",
  ].join("\n");
}
