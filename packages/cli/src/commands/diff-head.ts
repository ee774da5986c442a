/**
 * The envelope of a file that is the same in both versions, read from its head alone: the lines before its
 * top-level `spec:`, when the rest of the file provably can neither change what the head says nor make the
 * file unreadable. The diff reads nothing else of such a file (it cannot change, so it is never walked),
 * which spares it the outline's scan of every line.
 *
 * What the rest (`spec:` and everything after it) must be: no key beside `spec` at the top level (every
 * line blank, a comment, or indented at least as deep as the first line under `spec`, so that no node of it
 * can be a key of the root mapping, even after the parser's recovery from an error); no alias (`*`, the only
 * way a value can make the parser give up on a document: a missing, circular or exploding alias); no tab,
 * CR or BOM (which would make the indentation or the lines differ from what this reader sees). The head
 * must read without a single finding, the file must be valid UTF-8 and no larger than `maxBytes`. Anything
 * else is left to the outline and, failing that, the parser, exactly as before.
 */

import { isUtf8 } from "node:buffer";
import { parseSource } from "@onething/sdk";

const NEWLINE = 0x0a;
const SPACE = 0x20;
const HASH = 0x23;

/** `\nspec:` as bytes. */
const SPEC_LINE = Buffer.from("\nspec:", "latin1");

/** Bytes that must not appear after the head: `*` (an alias), a tab, a CR. */
const FORBIDDEN_IN_REST = [0x2a, 0x09, 0x0d];

/** A BOM (U+FEFF) as UTF-8. */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Files larger than this are left to the parser (whose own size limit decides about them), by the head as by the outline. */
export const HEAD_MAX_BYTES = 4 * 1024 * 1024;

/**
 * The kinds whose documents `onething diff` reads past their envelope even when they are the same in both
 * versions (the stages), so that their head alone never stands for them. (Department and item names are read
 * past the head too, but only for the refs a message writes as names, and only then.)
 */
export const READ_PAST_HEAD: ReadonlySet<string> = new Set(["Taxonomy"]);

/** What {@link readHead} gives: the value of the head (every top-level key before `spec`) and its kind. */
export interface Head {
  /** The head parsed: the document's value without `spec`. */
  value: Record<string, unknown>;
  /** Its `kind`. */
  kind: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Where the line holding the top-level `spec:` starts and the line after it starts; undefined when there is
 * none, or when something other than spaces and a comment follows the colon (the value is on the next lines).
 */
function specLine(buffer: Buffer): { start: number; next: number } | undefined {
  const found = buffer.subarray(0, 5).equals(SPEC_LINE.subarray(1)) ? 0 : buffer.indexOf(SPEC_LINE);
  if (found < 0) return undefined;
  const start = found === 0 ? 0 : found + 1;
  const newline = buffer.indexOf(NEWLINE, start);
  const end = newline < 0 ? buffer.length : newline;
  let position = start + 5;
  while (position < end && buffer[position] === SPACE) position += 1;
  if (position < end && !(buffer[position] === HASH && buffer[position - 1] === SPACE)) return undefined;
  return { start, next: newline < 0 ? buffer.length : newline + 1 };
}

/**
 * Whether every line from `from` on is blank, a comment, or indented at least as deep as the first line that
 * is neither (which must be indented): then no node there can be a key of the root mapping.
 */
function restIsIndented(buffer: Buffer, from: number): boolean {
  let depth = -1;
  for (let start = from; start < buffer.length; ) {
    const newline = buffer.indexOf(NEWLINE, start);
    const end = newline < 0 ? buffer.length : newline;
    let position = start;
    // Most lines are indented enough: the first `depth` bytes are spaces and nothing more is looked at.
    const enough = depth < 0 ? end : Math.min(start + depth, end);
    while (position < enough && buffer[position] === SPACE) position += 1;
    if (position !== start + depth) {
      while (position < end && buffer[position] === SPACE) position += 1;
      if (position < end && buffer[position] !== HASH) {
        if (depth >= 0 || position === start) return false;
        depth = position - start;
      }
    }
    start = end + 1;
  }
  return true;
}

/**
 * The head of a file that is the same in both versions, or undefined when the file is not shaped so that the
 * head alone decides its envelope and its readability (see the module's comment).
 *
 * @example
 * readHead({ path: "a.yaml", bytes: new TextEncoder().encode("apiVersion: onething/v1\nkind: Checklist\nmetadata:\n  id: x\nspec:\n  matters: []\n"), maxBytes: 1 << 22 });
 * // { value: { apiVersion: "onething/v1", kind: "Checklist", metadata: { id: "x" } }, kind: "Checklist" }
 */
export function readHead(options: { path: string; bytes: Uint8Array; maxBytes: number }): Head | undefined {
  const { bytes } = options;
  if (bytes.byteLength > options.maxBytes || !isUtf8(bytes)) return undefined;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.indexOf(BOM) >= 0) return undefined;
  const spec = specLine(buffer);
  if (spec === undefined) return undefined;
  if (FORBIDDEN_IN_REST.some((byte) => buffer.indexOf(byte, spec.start) >= 0)) return undefined;
  if (!restIsIndented(buffer, spec.next)) return undefined;
  const { document, diagnostics } = parseSource({ path: options.path, text: bytes.subarray(0, spec.start) });
  if (document === undefined || diagnostics.length > 0 || !isRecord(document.value)) return undefined;
  const { value } = document;
  if (Object.prototype.hasOwnProperty.call(value, "spec") || typeof value["kind"] !== "string") return undefined;
  return { value, kind: value["kind"] };
}
