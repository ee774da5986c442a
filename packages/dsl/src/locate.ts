import { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq } from "yaml";
import type { Document, Node, Pair } from "yaml";
import { appendPointer, parsePointer } from "./pointer.js";

/** A span of the parsed text as offsets, `end` exclusive. */
export interface Span {
  /** Offset of the first character. */
  start: number;
  /** Offset just after the last character. */
  end: number;
}

/** Which part of an object member a span covers. */
export type NodePart = "key" | "value";

/** Options of {@link findSpan}. */
export interface FindSpanOptions {
  /** The parsed YAML document. */
  document: Document;
  /** JSON Pointer (RFC 6901) of the node. */
  pointer: string;
  /** The member's key or its value; defaults to `"key"` (sequence entries have no key and give the entry). */
  part?: NodePart;
}

/**
 * The span of the node at a JSON Pointer in a YAML document, following aliases; when the path does not
 * exist, the span of the nearest existing ancestor's key. Undefined only when the document has no content.
 *
 * @example
 * const { document } = parseSource({ path: "checklists/national/2024-1.yaml", text });
 * const span = document && findSpan({ document: document.yaml, pointer: "/spec/matters/0/id", part: "value" });
 * span && text.slice(span.start, span.end); // "newborn-birth"
 */
export function findSpan(options: FindSpanOptions): Span | undefined {
  const { document, pointer, part = "key" } = options;
  const root = document.contents;
  if (!isNode(root)) return undefined;
  const segments = parsePointer(pointer) ?? [];
  let node: Node = root;
  let keyNode: Node | undefined;
  for (const [index, segment] of segments.entries()) {
    const target = isAlias(node) ? node.resolve(document) : node;
    const child = target === undefined ? undefined : findChild(target, segment);
    if (child === undefined) return spanOf(keyNode ?? node);
    const last = index === segments.length - 1;
    if (child.value === undefined) return spanOf(child.key ?? keyNode ?? node);
    node = child.value;
    keyNode = child.key;
    if (last && part === "key" && child.key !== undefined) return spanOf(child.key);
  }
  const span = spanOf(node);
  // An empty value (`field:` with nothing after it) has no width; the key is the useful place to point.
  if (span.start === span.end && keyNode !== undefined) return spanOf(keyNode);
  return span;
}

interface Child {
  key?: Node;
  value?: Node;
}

function findChild(node: Node, segment: string): Child | undefined {
  if (isMap(node)) {
    for (let index = node.items.length - 1; index >= 0; index -= 1) {
      const pair = node.items[index] as Pair<unknown, unknown>;
      if (isNode(pair.key) && keyString(pair.key) === segment) {
        return { key: pair.key, value: isNode(pair.value) ? pair.value : undefined };
      }
    }
    return undefined;
  }
  if (isSeq(node)) {
    if (!/^(?:0|[1-9]\d*)$/.test(segment)) return undefined;
    const item = node.items[Number(segment)];
    return isNode(item) ? { value: item } : undefined;
  }
  return undefined;
}

/** The property name a key becomes in the plain value, as `yaml`'s `toJS` makes it for scalar keys. */
export function keyString(key: Node): string | undefined {
  if (!isScalar(key)) return undefined;
  const value = key.value;
  if (value === null) return "";
  if (typeof value === "object") return undefined;
  return String(value);
}

/** The span of a node, without its properties (anchor, tag) and without trailing blank lines or comments. */
export function spanOf(node: Node): Span {
  return { start: node.range?.[0] ?? 0, end: contentEnd(node) };
}

function contentEnd(node: Node): number {
  let current: Node = node;
  // Block collections end where their last entry ends; their own range runs on over trailing newlines.
  for (;;) {
    if (!isCollection(current) || current.flow === true || current.items.length === 0) {
      return current.range?.[1] ?? 0;
    }
    const last: unknown = current.items[current.items.length - 1];
    let next: unknown = last;
    if (isPair(last)) {
      const value = isNode(last.value) ? last.value : undefined;
      const valueRange = value?.range;
      const hasValue = valueRange !== undefined && valueRange !== null && valueRange[1] > valueRange[0];
      next = hasValue ? value : last.key;
    }
    if (!isNode(next)) return current.range?.[1] ?? 0;
    current = next;
  }
}

/**
 * The JSON Pointer of the deepest member or entry whose source contains `offset` (`""` for the root).
 *
 * @example
 * const { document } = parseSource({ path: "checklists/national/2024-1.yaml", text });
 * document && findPointer(document.yaml, text.indexOf("newborn-birth")); // "/spec/matters/0/id"
 */
export function findPointer(document: Document, offset: number): string {
  let node: unknown = document.contents;
  let pointer = "";
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((item) => {
        const start = isNode(item.key) ? item.key.range?.[0] : undefined;
        const end = Math.max(endOf(item.key), endOf(item.value));
        return start !== undefined && start <= offset && offset < end;
      });
      if (pair === undefined) return pointer;
      const key = isNode(pair.key) ? keyString(pair.key) : undefined;
      if (key === undefined) return pointer;
      pointer = appendPointer(pointer, key);
      const value = pair.value;
      if (!isNode(value) || (value.range?.[0] ?? Infinity) > offset) return pointer;
      node = value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex(
        (item) => isNode(item) && (item.range?.[0] ?? Infinity) <= offset && offset < endOf(item),
      );
      if (index === -1) return pointer;
      pointer = appendPointer(pointer, index);
      node = node.items[index];
    } else return pointer;
  }
}

function endOf(node: unknown): number {
  return isNode(node) ? (node.range?.[2] ?? -1) : -1;
}
