/**
 * The two versions of a changed file, compared entry by entry from their outlines: which list entries are the
 * same in both (they stand in by their keys and are never parsed), and, read while the bytes are at hand, all
 * that `onething diff` later needs of each version (a digest), so that the bytes of changed files need not be
 * kept: copying them would cost more than everything else the diff does with them (memory a process touches
 * for the first time is slow to come by).
 */

import { isUtf8 } from "node:buffer";
import { HEAD_MAX_BYTES } from "./diff-head.js";
import { entryKeys, entryText, maskedText, outlineYaml, type MaskedText, type Outline, type OutlineEntry, type OutlineList } from "./diff-outline.js";

/**
 * The fields `diffDocuments` tells list entries apart by (its keyed-list rule): a stand-in for an entry
 * that is the same in both versions carries exactly these, so the lists are keyed as the full entries are.
 */
const LIST_KEY_FIELDS = ["id", "ref", "matter", "checklist", "indicator"] as const;

/** Files larger than this are parsed whole, so the parser's own size limit decides about them. */
export const OUTLINE_MAX_BYTES = HEAD_MAX_BYTES;

/** The entries of one version that are the same in the other, each with its stand-in (one object, shared by both versions). */
export type LeftEntries = Map<OutlineEntry, Record<string, string>>;

/** A Buffer over the same memory (no copy). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A hash (FNV-1a) of the first line of an entry: a cheap key to find the same entry by, without making a string
 * of every line (entries with the same key are still compared byte for byte).
 */
function firstLineHash(outline: Outline, entry: OutlineEntry): number {
  const { bytes } = outline;
  const start = outline.lineStarts[entry.start] as number;
  const end = Math.min((outline.lineStarts[entry.start + 1] as number) - 1, bytes.length);
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1) hash = Math.imul(hash ^ (bytes[index] as number), 0x01000193);
  return hash;
}

/**
 * The entries of two outlines of one document that are the same, byte for byte, in lists of the same key: in each
 * version, the entries left out of the parse, each with its stand-in (one object for both versions). An entry
 * whose keys are not plain words has no stand-in and is parsed.
 *
 * @example
 * const { old, next } = sameEntries(outlineBefore, outlineAfter);
 * old.size; // how many entries of the older version need no parse
 */
export function sameEntries(before: Outline, after: Outline): { old: LeftEntries; next: LeftEntries } {
  const old: LeftEntries = new Map();
  const next: LeftEntries = new Map();
  const older = asBuffer(before.bytes);
  const newer = asBuffer(after.bytes);
  for (const list of before.lists) {
    const other = after.lists.find((candidate) => candidate.key === list.key);
    if (other === undefined) continue;
    // Entries are looked up by their first line, then compared byte for byte.
    const waiting = new Map<number, OutlineEntry[]>();
    for (const entry of other.entries) {
      const head = firstLineHash(after, entry);
      const queue = waiting.get(head);
      if (queue === undefined) waiting.set(head, [entry]);
      else queue.push(entry);
    }
    for (const entry of list.entries) {
      const queue = waiting.get(firstLineHash(before, entry));
      if (queue === undefined) continue;
      // Compared in place: a view of every entry would cost more than the compare.
      const from = before.lineStarts[entry.start] as number;
      const to = (before.lineStarts[entry.end] as number) - 1;
      const at = queue.findIndex((candidate) => newer.compare(older, from, to, after.lineStarts[candidate.start] as number, (after.lineStarts[candidate.end] as number) - 1) === 0);
      if (at < 0) continue;
      const match = queue.splice(at, 1)[0] as OutlineEntry;
      const keys = entryKeys(before, entry, LIST_KEY_FIELDS);
      if (keys === undefined) continue;
      old.set(entry, keys);
      next.set(match, keys);
    }
  }
  return { old, next };
}

/** What the diff keeps of one version of a changed file, read from its bytes while they were at hand. */
export interface SideDigest {
  /** The lists under `spec`, entry by entry (lines of the file). */
  lists: OutlineList[];
  /** The file without any list entry: its envelope. */
  envelope: MaskedText;
  /** The file without the entries in `left`. */
  masked: MaskedText;
  /** The entries the same in the other version, with their stand-ins. */
  left: LeftEntries;
  /** The text of each entry not in `left` (`entryText`), for positions inside it. */
  texts: Map<OutlineEntry, string>;
}

/** Both versions of a changed file, digested together. */
export interface PairDigest {
  /** The older version. */
  before: SideDigest;
  /** The newer version. */
  after: SideDigest;
}

/** The bytes decoded as UTF-8 (already checked to be valid), without a copy. */
export function decode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}

/** Whether the loader can outline these bytes (size, BOM, UTF-8); the outline itself may still decline. */
export function outlinable(bytes: Uint8Array): boolean {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bytes.byteLength <= OUTLINE_MAX_BYTES && !bom && isUtf8(bytes);
}

function sideDigest(outline: Outline, left: LeftEntries): SideDigest {
  const texts = new Map<OutlineEntry, string>();
  for (const list of outline.lists) {
    for (const entry of list.entries) if (!left.has(entry)) texts.set(entry, entryText(outline, entry));
  }
  return {
    lists: outline.lists,
    envelope: maskedText(outline, new Set(outline.lists.flatMap((list) => list.entries))),
    masked: maskedText(outline, new Set(left.keys())),
    left,
    texts,
  };
}

/**
 * The digest of both versions of a changed file (see the module's comment), made from bytes the caller may
 * reuse afterwards; undefined when either version is out of the outline's reach (it is then parsed whole).
 *
 * @example
 * const digest = digestPair(oldBytes, newBytes);
 * digest?.after.masked.text; // the newer version without the entries that did not change
 */
export function digestPair(before: Uint8Array, after: Uint8Array): PairDigest | undefined {
  if (!outlinable(before) || !outlinable(after)) return undefined;
  const old = outlineYaml(before);
  const next = outlineYaml(after);
  if (old === undefined || next === undefined) return undefined;
  const left = sameEntries(old, next);
  return { before: sideDigest(old, left.old), after: sideDigest(next, left.next) };
}
