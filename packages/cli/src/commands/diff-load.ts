import { diffDocuments, parseSource, type DiffOptions, type DiffResult, type Lang, type NamedList, type SourceDocument, type SourceRange } from "@onething/sdk";
import { locateInTree, OriginalPositions, readSubset, textRange, type SubsetTree } from "./diff-locate.js";
import { READ_PAST_HEAD, readHead, type Head } from "./diff-head.js";
import { asBuffer, entryKeys, entryText, fieldRanges, lineOfOffset, maskedLines, maskedText, outlineYaml, type MaskedText, type Outline, type OutlineEntry, type OutlineList } from "./diff-outline.js";
import { decode, outlinable, OUTLINE_MAX_BYTES, sameEntries, type LeftEntries, type PairDigest, type SideDigest } from "./diff-pair.js";
import { parseVersion, type VersionFile } from "./diff-sources.js";

/**
 * The kinds whose documents the diff gives whole when they are compared (changed, added or removed): the
 * stages of a taxonomy are read even when unchanged; department and item names are read from any registry
 * or catalogue, and a stand-in for an unchanged entry would have none.
 */
const WHOLE_KINDS: ReadonlySet<string> = new Set([...READ_PAST_HEAD, "DepartmentRegistry", "ItemCatalog"]);

/**
 * Of those, the kinds whose only content the diff reads when a document is not compared is its entries'
 * names (for the messages of other documents' changes), and the list under `spec` that holds them.
 */
const NAME_LISTS: ReadonlyMap<string, NamedList> = new Map([
  ["DepartmentRegistry", "departments"],
  ["ItemCatalog", "items"],
]);

/** The key the entries of those lists are found by. */
const ID_FIELD = ["id"] as const;

/** The fields of those entries the diff reads (`collectNames` of `@onething/diff`). */
const NAME_FIELDS = ["id", "name"] as const;

/** One distinct file content (by bytes), read once however many files have it. */
interface Content {
  bytes: Uint8Array;
  /** Its outline, when the file is in the outline's subset. */
  outline?: Outline;
  /** The envelope (every list entry under `spec` left out), parsed; absent when the outline cannot be trusted. */
  envelope?: { value: unknown; kind: string };
  /** The whole file parsed, on first use. */
  whole?: SourceDocument;
  /** For the kinds in {@link NAME_LISTS}: the value with only the names of the entries, on first use (null: parse whole). */
  names?: unknown;
  /** For the kinds in {@link NAME_LISTS}: the entries of the named list by id, from the outline, on first use (null: read {@link Content.names}). */
  byId?: Map<string, OutlineEntry[]> | null;
  /** Whether the bytes hold a backslash (an escape may spell a value otherwise), on first use. */
  escapes?: boolean;
  /** The envelope was read from the head alone (`readHead`) and the outline is not made yet. */
  headOnly?: boolean;
  /** Of a file digested with its changed twin (`digestPair`): the pair, and this version's side of it (then there is no outline). */
  digest?: { pair: PairDigest; side: SideDigest };
}

/** One file of one version, with its content and identity. */
interface Entry {
  file: VersionFile;
  content: Content;
  /** Parsed whole (outside the subset): the document exactly as `parseSource` gives it. */
  parsed?: SourceDocument;
  /** `metadata.id` when it is a non-empty string. */
  id: string | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function metadataId(value: unknown): string | undefined {
  const metadata = isRecord(value) ? value["metadata"] : undefined;
  const id = isRecord(metadata) ? metadata["id"] : undefined;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/** Parses a text built from a file's lines; undefined unless it reads without a single finding. */
function parseClean(path: string, text: string): SourceDocument | undefined {
  const { document, diagnostics } = parseSource({ path, text });
  return document !== undefined && diagnostics.length === 0 ? document : undefined;
}

/**
 * Reads the envelope of a content: of a kind the diff never reads past its envelope, the head alone when that
 * decides (`readHead`), its outline being made only if the document is compared with another content; else
 * its outline and envelope, both left unset when the file is outside the subset.
 */
function prepare(content: Content, path: string): void {
  if (content.digest !== undefined) {
    const envelope = parseClean(path, content.digest.side.envelope.text);
    if (envelope === undefined) return;
    content.envelope = { value: envelope.value, kind: isRecord(envelope.value) && typeof envelope.value["kind"] === "string" ? envelope.value["kind"] : "" };
    return;
  }
  const head = readHead({ path, bytes: content.bytes, maxBytes: OUTLINE_MAX_BYTES });
  if (head !== undefined && !READ_PAST_HEAD.has(head.kind)) {
    content.envelope = head;
    content.headOnly = true;
    return;
  }
  outlineContent(content, path);
}

/** Leaves out every entry (for an envelope). */
const EVERY_ENTRY = { has: (): boolean => true };

/** Outlines a content and parses its envelope; leaves both unset when the file is outside the subset. */
function outlineContent(content: Content, path: string): void {
  const { bytes } = content;
  if (!outlinable(bytes)) return;
  const outline = outlineYaml(bytes);
  if (outline === undefined) return;
  const envelope = parseClean(path, maskedText(outline, EVERY_ENTRY).text);
  if (envelope === undefined) return;
  const kind = isRecord(envelope.value) && typeof envelope.value["kind"] === "string" ? envelope.value["kind"] : "";
  content.outline = outline;
  content.envelope = { value: envelope.value, kind };
}

/** A file in the subset that did not parse whole after all (never seen; `diffVersions` then parses everything whole). */
class OutlineMismatch extends Error {}

/** The whole file parsed (once per content); only called for contents in the subset or read from their head, which always parse. */
function whole(content: Content, path: string): SourceDocument {
  if (content.whole === undefined) {
    const { document } = parseSource({ path, text: content.bytes });
    if (document === undefined) throw new OutlineMismatch(path);
    content.whole = document;
  }
  return content.whole;
}

/** A document for one file whose value and positions come from elsewhere (shared with an identical file). */
function sharedDocument(file: VersionFile, value: unknown, locate: SourceDocument["locate"]): SourceDocument {
  return {
    path: file.path,
    get text() {
      return decode(file.bytes);
    },
    value,
    locate,
  };
}

/**
 * The value of a department registry or item catalogue with, under `spec`, only its named list, each entry
 * cut down to its first key, `id` and `name` (what the diff reads of a document it does not compare); null
 * when that does not read cleanly or does not keep every entry as a mapping, so that the file is parsed whole.
 */
function namesValue(content: Content, path: string): unknown {
  if (content.names !== undefined) return content.names;
  content.names = null;
  const outline = content.outline;
  const key = NAME_LISTS.get(content.envelope?.kind ?? "");
  const list = outline?.lists.find((candidate) => candidate.key === key);
  if (outline === undefined || key === undefined || list === undefined) return null;
  const ranges = fieldRanges(outline, key, NAME_FIELDS);
  const parsed = ranges === undefined ? undefined : parseClean(path, maskedLines(outline, ranges).text);
  const spec = isRecord(parsed?.value) ? parsed.value["spec"] : undefined;
  const entries = isRecord(spec) ? spec[key] : undefined;
  if (!Array.isArray(entries) || entries.length !== list.entries.length || !entries.every(isRecord)) return null;
  content.names = parsed?.value;
  return content.names;
}

/**
 * The document of a file that is unchanged or not compared: its envelope (for department registries and item
 * catalogues too, whose names the diff asks {@link Named} for, one at a time), or the whole file for the other
 * kinds the diff reads whole.
 */
function envelopeDocument(entry: Entry, value: unknown, named: Named): SourceDocument {
  const { content, file } = entry;
  const kind = content.envelope?.kind ?? "";
  if (NAME_LISTS.has(kind) && (content.outline !== undefined || content.headOnly === true)) {
    const document = sharedDocument(file, value, (pointer, part) => whole(content, file.path).locate(pointer, part));
    named.set(document, entry);
    return document;
  }
  if (WHOLE_KINDS.has(kind)) {
    const document = whole(content, file.path);
    return sharedDocument(file, document.value, (pointer, part) => document.locate(pointer, part));
  }
  return sharedDocument(file, value, (pointer, part) => whole(content, file.path).locate(pointer, part));
}

/** The department registries and item catalogues given to the diff as their envelope, each with its file. */
type Named = Map<SourceDocument, Entry>;

/**
 * The entries of a named list with one id (`DiffOptions.entriesWithId`) of a registry or catalogue given as its
 * envelope, each parsed alone: none when the id's bytes are nowhere in the file (see {@link spelledAsIs});
 * else those of the entries holding the bytes that have the id, or, when the id may be spelt otherwise, those
 * found by the ids on their lines (`entryKeys`). The outline is made, and the bytes read again, on the first
 * question that needs them. When an id is not a plain word on its line, or an entry does not read cleanly
 * alone, the names of all entries are read ({@link namesValue}), else the whole file.
 */
function entriesWithId(entry: Entry, list: NamedList, id: string): unknown[] {
  const { content, file } = entry;
  const asIs = spelledAsIs(content, id);
  if (asIs !== undefined && asIs.length === 0) return [];
  const outline = outlineOf(content);
  let candidates: OutlineEntry[] | null = null;
  if (outline !== undefined && NAME_LISTS.get(content.envelope?.kind ?? "") === list) {
    if (asIs !== undefined) {
      candidates = holding(outline, list, asIs);
    } else {
      if (content.byId === undefined) content.byId = idIndex(outline, list);
      candidates = content.byId === null ? null : (content.byId.get(id) ?? []);
    }
  }
  if (candidates !== null && outline !== undefined) {
    const entries: unknown[] = [];
    let clean = true;
    for (const candidate of candidates) {
      // An entry whose id is read from its line as another word only mentions the id elsewhere.
      const keys = entryKeys(outline, candidate, ID_FIELD);
      if (keys !== undefined && keys["id"] !== id) continue;
      const parsed = parseClean(file.path, ENTRY_PREFIX + entryText(outline, candidate));
      const value = isRecord(parsed?.value) && Array.isArray(parsed.value["x"]) ? parsed.value["x"][0] : undefined;
      if (!isRecord(value)) {
        clean = false;
        break;
      }
      if (value["id"] === id) entries.push(value);
    }
    if (clean) return entries;
  }
  const value = namesValue(content, file.path) ?? whole(content, file.path).value;
  const spec = isRecord(value) ? value["spec"] : undefined;
  const entries = isRecord(spec) ? spec[list] : undefined;
  return Array.isArray(entries) ? entries.filter((candidate) => isRecord(candidate) && candidate["id"] === id) : [];
}

/** An id whose every YAML spelling holds its UTF-8 bytes as they are: no white space, no quote, no backslash. */
const AS_IS_PATTERN = /^[^\s'"\\]+$/u;

/**
 * Where the bytes of `id` are in the file, when they must be wherever an entry has that id: the id has no white
 * space, quote or backslash, and the file holds no backslash (no escape). A plain, quoted or block scalar then
 * holds the id's bytes as they are (folding lines only inserts spaces, an alias repeats an anchor's bytes), so
 * an entry without them cannot have the id. Gives the offsets where the id's bytes start (none: empty), or
 * undefined when that cannot be told.
 */
function spelledAsIs(content: Content, id: string): number[] | undefined {
  if (!AS_IS_PATTERN.test(id)) return undefined;
  const buffer = asBuffer(content.bytes);
  content.escapes ??= buffer.includes(BACKSLASH);
  if (content.escapes) return undefined;
  const needle = Buffer.from(id, "utf8");
  const at: number[] = [];
  for (let found = buffer.indexOf(needle); found >= 0; found = buffer.indexOf(needle, found + 1)) at.push(found);
  return at;
}

const BACKSLASH = 0x5c;

/** The entries of the named list that hold one of the offsets, in order; null when the outline does not hold the list. */
function holding(outline: Outline, list: NamedList, offsets: readonly number[]): OutlineEntry[] | null {
  const named = outline.lists.find((candidate) => candidate.key === list);
  if (named === undefined) return null;
  const entries: OutlineEntry[] = [];
  for (const offset of offsets) {
    const line = lineOfOffset(outline, offset);
    // The last entry starting at or before the line, when the line is inside it.
    let low = 0;
    let high = named.entries.length - 1;
    let inside: OutlineEntry | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const candidate = named.entries[middle] as OutlineEntry;
      if (candidate.start <= line) {
        inside = candidate;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (inside !== undefined && line < inside.end && entries[entries.length - 1] !== inside) entries.push(inside);
  }
  return entries;
}

/** The entries of the named list by their ids; null when one entry's id cannot be read from its lines. */
function idIndex(outline: Outline, list: NamedList): Map<string, OutlineEntry[]> | null {
  const named = outline.lists.find((candidate) => candidate.key === list);
  // A list the outline does not hold (one of its entries is not a block mapping) is read by the parser.
  if (named === undefined) return null;
  const byId = new Map<string, OutlineEntry[]>();
  for (const entry of named.entries) {
    const keys = entryKeys(outline, entry, ID_FIELD);
    if (keys === undefined) return null;
    const id = keys["id"];
    if (id === undefined) continue;
    const same = byId.get(id);
    if (same === undefined) byId.set(id, [entry]);
    else same.push(entry);
  }
  return byId;
}

/**
 * The outline of a content, made on first use for one read from its head (whose checks of size, UTF-8 and BOM
 * hold); undefined when the file is outside the subset (it is then parsed whole).
 */
function outlineOf(content: Content): Outline | undefined {
  if (content.headOnly === true) {
    content.headOnly = false;
    content.outline = outlineYaml(content.bytes);
  }
  return content.outline;
}

/**
 * What {@link entryDocument} reads of one version of a changed document: its lists, its text without the entries
 * left out, the text of an entry (undefined when not at hand), and positions in the file.
 */
interface ChangedSide {
  lists: readonly OutlineList[];
  left: LeftEntries;
  masked: MaskedText;
  text(entry: OutlineEntry): string | undefined;
  positions: OriginalPositions;
}

/** One version of a changed document from its outline (the bytes at hand). */
function outlineSide(outline: Outline, left: LeftEntries): ChangedSide {
  return {
    lists: outline.lists,
    left,
    masked: maskedText(outline, left),
    text: (entry) => entryText(outline, entry),
    positions: new OriginalPositions(() => outline.bytes),
  };
}

/** One version of a changed document from its digest (the bytes read again only for byte offsets). */
function digestSide(content: Content, digest: SideDigest): ChangedSide {
  return { lists: digest.lists, left: digest.left, masked: digest.masked, text: (entry) => digest.texts.get(entry), positions: new OriginalPositions(() => content.bytes) };
}

/**
 * Both versions of a changed document, read entry by entry: entries the same in both become one shared stand-in.
 * Two files digested together as a pair are read from their digests; any other two from their outlines.
 */
function changedPair(before: Entry, after: Entry, stubs: WeakSet<object>): [SourceDocument, SourceDocument] | undefined {
  let sides: [ChangedSide, ChangedSide];
  const digest = before.content.digest;
  if (digest !== undefined && after.content.digest?.pair === digest.pair && digest.side === digest.pair.before) {
    sides = [digestSide(before.content, digest.pair.before), digestSide(after.content, digest.pair.after)];
  } else {
    const old = outlineOf(before.content);
    const next = outlineOf(after.content);
    if (old === undefined || next === undefined) return undefined;
    const left = sameEntries(old, next);
    sides = [outlineSide(old, left.old), outlineSide(next, left.next)];
  }
  for (const keys of sides[0].left.values()) stubs.add(keys);
  const oldDocument = entryDocument(before, sides[0]);
  const newDocument = entryDocument(after, sides[1]);
  return oldDocument === undefined || newDocument === undefined ? undefined : [oldDocument, newDocument];
}

/** One version of a changed document: the file parsed without the entries left out, which are put back as their stand-ins. */
function entryDocument(entry: Entry, side: ChangedSide): SourceDocument | undefined {
  const { file, content } = entry;
  const { left, masked, positions } = side;
  const parsed = parseClean(file.path, masked.text);
  if (parsed === undefined || !isRecord(parsed.value)) return undefined;
  const spec = parsed.value["spec"];
  /** Per list with stand-ins: for each entry, its index in the parsed (masked) list, or -1 for a stand-in. */
  const places = new Map<string, number[]>();
  for (const list of side.lists) {
    if (!list.entries.some((candidate) => left.has(candidate))) continue;
    if (!isRecord(spec)) return undefined;
    const kept = spec[list.key] ?? [];
    if (!Array.isArray(kept)) return undefined;
    const value: unknown[] = [];
    const place: number[] = [];
    let next = 0;
    for (const candidate of list.entries) {
      const stub = left.get(candidate);
      place.push(stub === undefined ? next : -1);
      value.push(stub ?? kept[next]);
      if (stub === undefined) next += 1;
    }
    if (kept.length !== next) return undefined;
    spec[list.key] = value;
    places.set(list.key, place);
  }
  const entryLocators = new Map<OutlineEntry, SourceDocument | undefined>();
  const entryTrees = new Map<OutlineEntry, { text: string; tree: SubsetTree } | undefined>();
  const locate = (pointer: string, part?: "key" | "value"): SourceRange | undefined => {
    const segments = pointer.split("/");
    const list = segments[1] === "spec" && segments[2] !== undefined ? side.lists.find((candidate) => candidate.key === segments[2]) : undefined;
    const index = list === undefined || segments[3] === undefined || !/^(?:0|[1-9]\d*)$/.test(segments[3]) ? undefined : Number(segments[3]);
    const target = index === undefined ? undefined : list?.entries[index];
    if (list === undefined || target === undefined) {
      // A node holding left-out entries (or a missing child falling back to the root) ends where the file says.
      const root = isRecord(parsed.value) ? parsed.value : {};
      const holdsLeft =
        left.size > 0 &&
        (pointer === "" ||
          (segments.length === 2 && (segments[1] === "spec" || !Object.prototype.hasOwnProperty.call(root, segments[1] as string))) ||
          (segments.length === 3 && segments[1] === "spec" && list !== undefined && list.entries.some((candidate) => left.has(candidate))));
      if (holdsLeft) return whole(content, file.path).locate(pointer, part);
      return positions.remap(parsed.locate(pointer, part), masked.runs);
    }
    // The path inside the entry's text, parsed alone: the entry is item 0.
    const inside = ["0"];
    for (let at = 4; at < segments.length; at += 1) inside.push((segments[at] as string).replaceAll("~1", "/").replaceAll("~0", "~"));
    if (!entryTrees.has(target)) {
      const text = side.text(target);
      const tree = text === undefined ? undefined : readSubset(text);
      entryTrees.set(target, text === undefined || tree === undefined ? undefined : { text, tree });
    }
    const read = entryTrees.get(target);
    if (read !== undefined) return positions.remap(textRange(read.text, locateInTree(read.tree, inside, part)), [[0, target.start]]);
    if (!entryLocators.has(target)) {
      const text = side.text(target);
      entryLocators.set(target, text === undefined ? undefined : parseClean(file.path, ENTRY_PREFIX + text));
    }
    const own = entryLocators.get(target);
    if (own !== undefined) return positions.remap(own.locate(["", "x", "0", ...segments.slice(4)].join("/"), part), [[ENTRY_PREFIX_LINES, target.start]]);
    if (left.has(target)) return whole(content, file.path).locate(pointer, part);
    const place = places.get(list.key);
    segments[3] = String(place === undefined ? index : place[index as number]);
    return positions.remap(parsed.locate(segments.join("/"), part), masked.runs);
  };
  return sharedDocument(file, parsed.value, locate);
}

/** What goes before an entry's lines to parse it alone (for positions): an envelope and a key whose value is the entry's list. */
const ENTRY_PREFIX = "apiVersion: onething/v1\nkind: Checklist\nx:\n";
const ENTRY_PREFIX_LINES = 3;

/** The files of one version with their contents, each distinct content once. */
function readEntries(files: readonly VersionFile[], contents: Map<number, Content[]>, unchanged: Map<Head, Content>): Entry[] {
  return files.map((file) => {
    if (file.unchanged !== undefined) {
      // Known the same in both versions when read, by its head: one content, whose bytes are not touched.
      let content = unchanged.get(file.unchanged);
      if (content === undefined) {
        content = {
          get bytes() {
            return file.bytes;
          },
          envelope: file.unchanged,
          headOnly: true,
        };
        unchanged.set(file.unchanged, content);
      }
      return { file, content, id: undefined };
    }
    if (file.digest !== undefined) {
      // Digested with its changed twin when read: a content of its own, whose bytes are read again only if asked for.
      const { digest } = file;
      return {
        file,
        content: {
          get bytes() {
            return file.bytes;
          },
          digest,
        },
        id: undefined,
      };
    }
    // Contents are told apart by length, then by their bytes (a compare of memory, not a hash of it; the same
    // bytes read once for both versions are the same array).
    const sameLength = contents.get(file.bytes.byteLength) ?? [];
    let content = sameLength.find((candidate) => candidate.bytes === file.bytes) ?? sameLength.find((candidate) => Buffer.compare(candidate.bytes, file.bytes) === 0);
    if (content === undefined) {
      content = { bytes: file.bytes };
      sameLength.push(content);
      contents.set(file.bytes.byteLength, sameLength);
    }
    return { file, content, id: undefined };
  });
}

/** Reads the envelope of every distinct content once (see {@link prepare}) and gives each entry its id. */
function prepareEntries(entries: readonly Entry[]): void {
  const done = new Set<Content>();
  for (const entry of entries) {
    if (!done.has(entry.content)) {
      done.add(entry.content);
      if (entry.content.envelope === undefined) prepare(entry.content, entry.file.path);
    }
    if (entry.content.envelope !== undefined) entry.id = metadataId(entry.content.envelope.value);
  }
}

/** Parses the files outside the subset exactly as before (a file that cannot be read is a usage error). */
function parseRest(entries: Entry[], lang: Lang): void {
  const rest = entries.filter((entry) => entry.content.envelope === undefined);
  const documents = parseVersion(
    rest.map((entry) => entry.file),
    lang,
  );
  for (const [index, entry] of rest.entries()) {
    const document = documents[index] as SourceDocument;
    entry.parsed = document;
    entry.id = metadataId(document.value);
  }
}

function firstById(entries: readonly Entry[]): Map<string, Entry> {
  const byId = new Map<string, Entry>();
  for (const entry of entries) if (entry.id !== undefined && !byId.has(entry.id)) byId.set(entry.id, entry);
  return byId;
}

/** A whole-file document for an entry in the subset (added, removed, or compared with a file outside it). */
function wholeDocument(entry: Entry): SourceDocument {
  const document = whole(entry.content, entry.file.path);
  return sharedDocument(entry.file, document.value, (pointer, part) => document.locate(pointer, part));
}

/** What {@link loadVersions} returns: the documents of both versions and the stand-ins among their values. */
export interface LoadedVersions {
  /** The older version's documents, in file order. */
  before: SourceDocument[];
  /** The newer version's documents. */
  after: SourceDocument[];
  /** The stand-ins for list entries that are the same in both versions (each carries only the keys lists are matched by). */
  stubs: WeakSet<object>;
  /** The names of the registries and catalogues given as their envelope, for `diffDocuments` (`DiffOptions.entriesWithId`). */
  entriesWithId: NonNullable<DiffOptions["entriesWithId"]>;
}

/**
 * Reads two versions for `diffDocuments` without parsing what did not change: a file whose bytes are
 * the same in both versions is read only up to its envelope (its value is shared by both sides, so the
 * diff sees it equal at once): its head alone when that decides (`readHead`; a file read by
 * `readWorkingPair` may come with it, its bytes not kept), else by its outline. In a changed file the list
 * entries under `spec` whose text is the same in both versions are not parsed but stand in by the keys the
 * diff matches entries by (a pair `readWorkingPair` digested while reading is read from its digest, its bytes not
 * kept). A department registry or item catalogue that is not compared (the same bytes on both sides) is given
 * as its envelope, its entries read only for the names the diff asks for (`entriesWithId`). Files outside the outline's subset, added or removed documents, and the other documents of the kinds
 * whose names or stages the diff reads are parsed whole; a file that cannot be read is the same usage error as before.
 *
 * @example
 * const { before, after, entriesWithId } = loadVersions({ before: oldFiles, after: newFiles, lang: "zh" });
 * diffDocuments({ before, after, entriesWithId }).changes.length;
 */
export function loadVersions(options: { before: readonly VersionFile[]; after: readonly VersionFile[]; lang: Lang }): LoadedVersions {
  const contents = new Map<number, Content[]>();
  const unchanged = new Map<Head, Content>();
  const oldEntries = readEntries(options.before, contents, unchanged);
  const newEntries = readEntries(options.after, contents, unchanged);
  prepareEntries([...oldEntries, ...newEntries]);
  parseRest(oldEntries, options.lang);
  parseRest(newEntries, options.lang);
  const oldById = firstById(oldEntries);
  const newById = firstById(newEntries);
  const documents = new Map<Entry, SourceDocument>();
  const stubs = new WeakSet<object>();
  const named: Named = new Map();
  for (const entry of [...oldEntries, ...newEntries]) if (entry.parsed !== undefined) documents.set(entry, entry.parsed);
  for (const [id, old] of oldById) {
    const next = newById.get(id);
    if (next === undefined || old.parsed !== undefined || next.parsed !== undefined) continue;
    // The same bytes on both sides: one value, which the diff sees equal at once and never walks.
    if (old.content === next.content) {
      const value = old.content.envelope?.value;
      documents.set(old, envelopeDocument(old, value, named));
      documents.set(next, envelopeDocument(next, value, named));
      continue;
    }
    if (WHOLE_KINDS.has(old.content.envelope?.kind ?? "") || WHOLE_KINDS.has(next.content.envelope?.kind ?? "")) continue;
    const pair = changedPair(old, next, stubs);
    documents.set(old, pair?.[0] ?? wholeDocument(old));
    documents.set(next, pair?.[1] ?? wholeDocument(next));
  }
  const finish = (entries: Entry[], byId: Map<string, Entry>) =>
    entries.map((entry) => {
      const known = documents.get(entry);
      if (known !== undefined) return known;
      // Compared documents reach here when added, removed or of a kind read whole; the rest are never walked.
      if (entry.id !== undefined && byId.get(entry.id) === entry) return wholeDocument(entry);
      return envelopeDocument(entry, entry.content.envelope?.value, named);
    });
  return {
    before: finish(oldEntries, oldById),
    after: finish(newEntries, newById),
    stubs,
    entriesWithId: (document, list, id) => {
      const entry = named.get(document);
      return entry === undefined ? undefined : entriesWithId(entry, list, id);
    },
  };
}

/** Whether a value holds one of the stand-ins (which must never reach a change). */
function holdsStub(value: unknown, stubs: WeakSet<object>): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (stubs.has(value)) return true;
  return Array.isArray(value) ? value.some((element) => holdsStub(element, stubs)) : Object.values(value).some((element) => holdsStub(element, stubs));
}

/**
 * Diffs two versions read by {@link loadVersions}; in the rare case that a stand-in reaches a change (a
 * list compared as a whole because its keys repeat), or a file of the subset does not parse whole after
 * all, the versions are parsed whole and diffed again.
 *
 * @example
 * const result = diffVersions({ before: oldFiles, after: newFiles, lang: "en" });
 */
export function diffVersions(options: { before: readonly VersionFile[]; after: readonly VersionFile[]; lang: Lang }): DiffResult {
  const parsedWhole = () => diffDocuments({ before: parseVersion(options.before, options.lang), after: parseVersion(options.after, options.lang) });
  try {
    const loaded = loadVersions(options);
    const result = diffDocuments({ before: loaded.before, after: loaded.after, entriesWithId: loaded.entriesWithId });
    if (!result.changes.some((change) => holdsStub(change.before, loaded.stubs) || holdsStub(change.after, loaded.stubs))) return result;
  } catch (error) {
    if (!(error instanceof OutlineMismatch)) throw error;
  }
  return parsedWhole();
}
