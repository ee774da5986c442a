import type { LocalizedMessage } from "@onething/schemas";
import type { Catalog, GroupKind, Name, TreeNode } from "./model.js";

/** The groups under every matter, in tree order, with their names and the kind of their entries. */
export const GROUPS: readonly { key: GroupKind; name: LocalizedMessage; entry: "item" | "material" | "step" | "source" }[] = [
  { key: "items", name: { zh: "事项组成", en: "Items" }, entry: "item" },
  { key: "materials", name: { zh: "申请材料", en: "Materials" }, entry: "material" },
  { key: "steps", name: { zh: "办理环节", en: "Steps" }, entry: "step" },
  { key: "sources", name: { zh: "来源", en: "Sources" }, entry: "source" },
];

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The name an entry of a group is shown by. */
function entryName(group: GroupKind, entry: Record<string, unknown> | undefined, index: number, catalog: Catalog): { name: Name; key: string } {
  const fallback = `#${index + 1}`;
  switch (group) {
    case "items": {
      const ref = text(entry?.["ref"]) ?? fallback;
      return { name: catalog.items.get(ref) ?? { zh: ref }, key: ref };
    }
    case "materials":
    case "steps": {
      const name = asRecord(entry?.["name"]);
      const zh = text(name?.["zh"]) ?? text(entry?.["id"]) ?? fallback;
      const en = text(name?.["en"]);
      return { name: en === undefined ? { zh } : { zh, en }, key: text(entry?.["id"]) ?? fallback };
    }
    case "sources":
      return { name: { zh: text(entry?.["title"]) ?? fallback }, key: text(entry?.["url"]) ?? fallback };
  }
}

/**
 * The children of a matter in the tree: one group for each of its lists (bundled items, materials,
 * steps, sources), shown even when empty so that entries can be added to it, each holding one node per
 * entry.
 *
 * @example
 * matterChildren({ file, matter, matterNode, catalog }).map((node) => node.name.zh);
 * // ["事项组成", "申请材料", "办理环节", "来源"]
 */
export function matterChildren(options: { file: string; matter: Record<string, unknown>; matterNode: TreeNode; catalog: Catalog }): TreeNode[] {
  const { file, matter, matterNode, catalog } = options;
  const base = matterNode.pointer ?? "";
  return GROUPS.map((group) => {
    const pointer = `${base}/${group.key}`;
    const ancestors = [...matterNode.ancestors, matterNode.id];
    const node: TreeNode = { id: `g:${file}#${pointer}`, kind: "group", group: group.key, name: group.name, key: group.key, file, pointer, ancestors, children: [] };
    const entries = Array.isArray(matter[group.key]) ? (matter[group.key] as unknown[]) : [];
    entries.forEach((value, index) => {
      const entryPointer = `${pointer}/${index}`;
      const { name, key } = entryName(group.key, asRecord(value), index, catalog);
      node.children.push({
        id: `${group.key === "items" ? "i" : "e"}:${file}#${entryPointer}`,
        kind: group.entry,
        name,
        key,
        file,
        pointer: entryPointer,
        ancestors: [...ancestors, node.id],
        children: [],
      });
    });
    return node;
  });
}
