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

/**
 * The closed objects of every kind's schema as a map from instance path (array indexes written `*`) to
 * the property names allowed there, for "did you mean" hints on unknown fields.
 */
export function generateKnownFields(options: GenerateKnownFieldsOptions): Record<string, Record<string, string[]>> {
  const result: Record<string, Record<string, string[]>> = {};
  for (const [kind, root] of Object.entries(options.roots)) {
    const fields: Record<string, string[]> = {};
    const fileOf = Object.entries(options.files).find(([, schema]) => schema === root)?.[0] ?? "";
    const walk = (node: SchemaNode, at: { file: string; path: string; depth: number }): void => {
      const { file, path, depth } = at;
      if (depth > 40) return;
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
        const names = new Set([...(fields[path] ?? []), ...Object.keys(properties)]);
        fields[path] = [...names].sort();
        for (const [name, child] of Object.entries(properties)) walk(child, { file, path: `${path}/${name}`, depth: depth + 1 });
      }
      const items = node.items;
      if (typeof items === "object" && items !== null && !Array.isArray(items)) walk(items as SchemaNode, { file, path: `${path}/*`, depth: depth + 1 });
    };
    walk(root, { file: fileOf, path: "", depth: 0 });
    result[kind] = fields;
  }
  return result;
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
