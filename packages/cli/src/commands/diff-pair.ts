/**
 * The two versions of a changed file, compared entry by entry from their outlines: which list entries are the
 * same in both (they stand in by their keys and are never parsed), and, read while the bytes are at hand, all
 * that `onething diff` later needs of each version (a digest), so that the bytes of changed files need not be
 * kept: copying them would cost more than everything else the diff does with them (memory a process touches
 * for the first time is slow to come by).
 */

import { isUtf8 } from "node:buffer";
import { HEAD_MAX_BYTES } from "./diff-head.js";
import { asBuffer, entryKeys, entryRanges, maskedFurther, maskedLines, maskedLineStarts, maskedSlice, outlineYaml, type MaskedText, type Outline, type OutlineEntry, type OutlineList } from "./diff-outline.js";

/**
 * The fields `diffDocuments` tells list entries apart by (its keyed-list rule): a stand-in for an entry
 * that is the same in both versions carries exactly these, so the lists are keyed as the full entries are.
 */
const LIST_KEY_FIELDS = ["id", "ref", "matter", "checklist", "indicator"] as const;

/** Files larger than this are parsed whole, so the parser's own size limit decides about them. */
export const OUTLINE_MAX_BYTES = HEAD_MAX_BYTES;

/** The entries of one version that are the same in the other, each with its stand-in (one object, shared by both versions). */
export type LeftEntries = Map<OutlineEntry, Record<string, string>>;

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
  const leave = (entry: OutlineEntry, match: OutlineEntry) => {
    const keys = entryKeys(before, entry, LIST_KEY_FIELDS);
    if (keys === undefined) return;
    old.set(entry, keys);
    next.set(match, keys);
  };
  /** Whether entry `a` of the older version and entry `b` of the newer have the same bytes. */
  const same = (a: OutlineEntry, b: OutlineEntry) => {
    const from = before.lineStarts[a.start] as number;
    const to = (before.lineStarts[a.end] as number) - 1;
    const at = after.lineStarts[b.start] as number;
    const until = (after.lineStarts[b.end] as number) - 1;
    return to - from === until - at && newer.compare(older, from, to, at, until) === 0;
  };
  for (const list of before.lists) {
    const other = after.lists.find((candidate) => candidate.key === list.key);
    if (other === undefined) continue;
    // Most entries of a changed list are where they were: the entries the same up to the first that is not are
    // paired in order (as the lookup below would pair them: each with the first of its bytes not yet paired).
    const entries = list.entries;
    const others = other.entries;
    let first = 0;
    while (first < entries.length && first < others.length && same(entries[first] as OutlineEntry, others[first] as OutlineEntry)) {
      leave(entries[first] as OutlineEntry, others[first] as OutlineEntry);
      first += 1;
    }
    if (first === entries.length || first === others.length) continue;
    // The rest are looked up by their first line, then compared byte for byte.
    const waiting = new Map<number, OutlineEntry[]>();
    for (let index = first; index < others.length; index += 1) {
      const entry = others[index] as OutlineEntry;
      const head = firstLineHash(after, entry);
      const queue = waiting.get(head);
      if (queue === undefined) waiting.set(head, [entry]);
      else queue.push(entry);
    }
    for (let index = first; index < entries.length; index += 1) {
      const entry = entries[index] as OutlineEntry;
      const queue = waiting.get(firstLineHash(before, entry));
      if (queue === undefined) continue;
      // Compared in place: a view of every entry would cost more than the compare.
      const at = queue.findIndex((candidate) => same(entry, candidate));
      if (at < 0) continue;
      leave(entry, queue.splice(at, 1)[0] as OutlineEntry);
    }
  }
  return { old, next };
}

/** What the diff keeps of one version of a changed file, read from its bytes while they were at hand. */
export interface SideDigest {
  /** The lists under `spec`, entry by entry (lines of the file). */
  lists: OutlineList[];
  /** The file without any list entry: its envelope (cut from `masked` on every read, so that it is not kept). */
  readonly envelope: MaskedText;
  /** The file without the entries in `left`. */
  masked: MaskedText;
  /** The entries the same in the other version, with their stand-ins. */
  left: LeftEntries;
  /** The text of each entry of the lists not in `left` (what `entryText` gives), for positions inside it; undefined for the others. */
  texts: { get(entry: OutlineEntry): string | undefined };
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
  return asBuffer(bytes).toString("utf8");
}

/** Whether the loader can outline these bytes (size, BOM, UTF-8); the outline itself may still decline. */
export function outlinable(bytes: Uint8Array): boolean {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bytes.byteLength <= OUTLINE_MAX_BYTES && !bom && isUtf8(bytes);
}

/**
 * One version's digest: its text without the entries left out (copied out of the bytes once), and, cut from that
 * text when asked for (a slice shares its memory), the text of each entry kept and the envelope, which the
 * loader parses once and need not be kept. (A class, not an object literal with a getter: V8 makes such a
 * literal slowly, and its objects then outlive the young generation.)
 */
class Side implements SideDigest {
  /** The line starts of the masked text, on first use. */
  private starts: Int32Array | undefined;
  readonly texts: SideDigest["texts"];

  constructor(
    readonly lists: OutlineList[],
    readonly masked: MaskedText,
    readonly left: LeftEntries,
    /** How many lines the masked text has (see `maskedLineStarts`). */
    private readonly lines: number,
  ) {
    this.texts = { get: (entry) => (left.has(entry) ? undefined : maskedSlice(masked, this.lineStarts(), entry.start, entry.end)) };
  }

  get envelope(): MaskedText {
    const { left } = this;
    return maskedFurther(this.masked, this.lineStarts(), entryRanges(this.lists, { has: (entry) => !left.has(entry) }));
  }

  private lineStarts(): Int32Array {
    this.starts ??= maskedLineStarts(this.masked, this.lines);
    return this.starts;
  }
}

function sideDigest(outline: Outline, left: LeftEntries): SideDigest {
  const ranges = entryRanges(outline.lists, left);
  let lines = outline.lineStarts.length - 1;
  for (const [start, end] of ranges) lines -= end - start;
  return new Side(outline.lists, maskedLines(outline, ranges), left, lines);
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
