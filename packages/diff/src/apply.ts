import type { Change } from "./types.js";
import { isRecord, splitPointer, type PlainObject } from "./values.js";

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The id a list element goes by in a change's field path (its id, ref, matter, batch key or the value itself). */
function elementKeys(element: unknown): string[] {
  if (!isRecord(element)) return element === null || typeof element === "object" ? [] : [String(element)];
  const keys: string[] = [];
  for (const field of ["id", "ref", "matter", "checklist", "indicator"]) {
    if (typeof element[field] === "string") keys.push(element[field]);
  }
  if (typeof element["checklist"] === "string" && typeof element["matter"] === "string") keys.push(`${element["checklist"]}#${element["matter"]}`);
  if (typeof element["year"] === "number" && typeof element["seq"] === "number") keys.push(`${element["year"]}-${element["seq"]}`);
  return keys;
}

function findIndex(list: unknown[], key: string): number {
  return list.findIndex((element) => elementKeys(element).includes(key));
}

/** Follows `segments` from `root`, creating missing objects (or a list, when `listHint` says the end is one). */
function resolve(root: unknown, segments: readonly string[], create: { listHint: boolean }): unknown {
  let current = root;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] as string;
    const isLast = index === segments.length - 1;
    let next: unknown;
    if (Array.isArray(current)) {
      next = current[findIndex(current, segment)];
    } else if (isRecord(current)) {
      next = current[segment];
      if (next === undefined) {
        next = isLast && create.listHint ? [] : {};
        current[segment] = next;
      }
    } else {
      return undefined;
    }
    current = next;
  }
  return current;
}

/**
 * Applies changes to the older document values (by `metadata.id`) and returns the resulting values; the
 * inverse of `diffDocuments` where the change kinds allow it (every change carries whole values for what it
 * adds, removes or replaces), up to the order of id-keyed lists. The input is not modified.
 *
 * @example
 * const next = applyChanges({ documents: before.map((d) => d.value), changes: diffDocuments({ before, after }).changes });
 */
export function applyChanges(options: { documents: readonly unknown[]; changes: readonly Change[] }): unknown[] {
  const byId = new Map<string, unknown>();
  for (const document of options.documents) {
    const metadata = isRecord(document) ? document["metadata"] : undefined;
    const id = isRecord(metadata) ? metadata["id"] : undefined;
    if (typeof id === "string" && !byId.has(id)) byId.set(id, clone(document));
  }
  for (const change of options.changes) {
    if (change.check === "document-added") {
      byId.set(change.document, clone(change.after));
      continue;
    }
    if (change.check === "document-removed") {
      byId.delete(change.document);
      continue;
    }
    const root = byId.get(change.document);
    if (root === undefined || change.field === undefined) continue;
    const segments = splitPointer(change.field);
    const key = segments[segments.length - 1] as string;
    const parentSegments = segments.slice(0, -1);
    if (change.check.endsWith("renamed")) {
      const list = resolve(root, parentSegments, { listHint: true });
      if (!Array.isArray(list)) continue;
      const element = list[findIndex(list, String(change.before))];
      if (!isRecord(element)) continue;
      const field = typeof element["id"] === "string" ? "id" : "ref";
      element[field] = change.after;
      if (change.check === "matter-renamed") {
        const former = Array.isArray(element["formerIds"]) ? element["formerIds"] : [];
        if (!former.includes(change.before)) element["formerIds"] = [...former, change.before];
      }
      continue;
    }
    const value = change.after === undefined ? change.before : change.after;
    const listHint = elementKeys(value).includes(key);
    const parent = resolve(root, parentSegments, { listHint });
    if (Array.isArray(parent)) {
      const index = findIndex(parent, key);
      if (change.after === undefined) {
        if (index >= 0) parent.splice(index, 1);
      } else if (index >= 0) {
        parent[index] = clone(change.after);
      } else {
        parent.push(clone(change.after));
      }
    } else if (isRecord(parent)) {
      const object: PlainObject = parent;
      if (change.after === undefined) delete object[key];
      else object[key] = clone(change.after);
    }
  }
  return [...byId.values()];
}
