import { isAlias, isMap, isNode, isScalar, isSeq } from "yaml";
import type { Alias, Document, Node } from "yaml";
import { keyString } from "./locate.js";
import { appendPointer } from "./pointer.js";

/** A key that breaks a rule of the standard's YAML subset. */
export interface KeyFinding {
  /** Which rule the key breaks. */
  kind: "duplicate-key" | "non-string-key" | "proto-key";
  /** The offending key node. */
  key: Node;
  /** JSON Pointer of the member the key names. */
  pointer: string;
  /** For a duplicate, the first key with the same name. */
  first?: Node;
}

/** An alias, in document order, and what it refers to. */
export interface AliasFinding {
  /** The alias node. */
  alias: Alias;
  /** JSON Pointer of the alias. */
  pointer: string;
  /** The most recent earlier node with the alias's anchor; undefined when there is none. */
  source?: Node;
  /** Whether the alias sits inside the node it refers to. */
  circular: boolean;
}

/** What a walk over the YAML tree found. */
export interface TreeInspection {
  /** Keys breaking the subset's rules, in document order. */
  keys: KeyFinding[];
  /** Every alias, in document order. */
  aliases: AliasFinding[];
}

/**
 * Walks a parsed YAML document once, in document order and without recursion (so deep nesting cannot
 * overflow the stack), and reports duplicate, non-string and `__proto__` keys, and every alias with
 * the anchor it resolves to.
 */
export function inspectTree(document: Document, text: string): TreeInspection {
  const keys: KeyFinding[] = [];
  const aliases: AliasFinding[] = [];
  const anchors = new Map<string, Node>();
  const stack: Array<{ node: unknown; pointer: string }> = [{ node: document.contents, pointer: "" }];
  while (stack.length > 0) {
    const { node, pointer } = stack.pop() ?? { node: undefined, pointer: "" };
    if (!isNode(node)) continue;
    if (isAlias(node)) {
      const source = anchors.get(node.source);
      const range = node.range?.[0] ?? 0;
      const circular =
        source !== undefined && (source.range?.[0] ?? 0) <= range && range < (source.range?.[2] ?? 0);
      aliases.push({ alias: node, pointer, source, circular });
      continue;
    }
    if (node.anchor !== undefined) anchors.set(node.anchor, node);
    const children: Array<{ node: unknown; pointer: string }> = [];
    if (isMap(node)) {
      const seen = new Map<string, Node>();
      for (const pair of node.items) {
        const key = pair.key;
        if (!isNode(key)) continue;
        const name = keyString(key) ?? sourceOf(key, text);
        const memberPointer = appendPointer(pointer, name);
        if (!isScalar(key) || typeof key.value !== "string") {
          keys.push({ kind: "non-string-key", key, pointer: memberPointer });
        } else if (name === "__proto__") {
          keys.push({ kind: "proto-key", key, pointer: memberPointer });
        }
        const first = seen.get(name);
        if (first === undefined) seen.set(name, key);
        else keys.push({ kind: "duplicate-key", key, pointer: memberPointer, first });
        children.push({ node: key, pointer: memberPointer }, { node: pair.value, pointer: memberPointer });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => children.push({ node: item, pointer: appendPointer(pointer, index) }));
    }
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child !== undefined) stack.push(child);
    }
  }
  return { keys, aliases };
}

function sourceOf(node: Node, text: string): string {
  const range = node.range;
  return range === undefined || range === null ? "" : text.slice(range[0], range[1]);
}
