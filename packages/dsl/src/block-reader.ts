import { corePlain, keyIsSafe } from "./core-scalar.js";

/** Thrown inside the reader when the text leaves its subset; caught by {@link readBlockYaml}, never escapes. */
const DECLINE = new Error("outside the block reader's subset");

// Code units the reader compares against.
const LF = 0x0a;
const SPACE = 0x20;
const HASH = 0x23;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COMMA = 0x2c;
const DASH = 0x2d;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Whether a plain scalar or key may start with this code unit: none of YAML's indicators (`-?:,[]{}#&*!|>'"%@` and
 * the backquote). `-` is allowed only for scalars, and only before a code unit other than a space or a line end
 * (`-1`, `-x`), which the callers check.
 */
function isIndicator(char: number): boolean {
  switch (char) {
    case 0x3f: // ?
    case COLON:
    case COMMA:
    case OPEN_BRACKET:
    case CLOSE_BRACKET:
    case OPEN_BRACE:
    case CLOSE_BRACE:
    case HASH:
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case APOSTROPHE:
    case QUOTE:
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
      return true;
    default:
      return false;
  }
}

/** Whether a flow plain scalar or key stops at this code unit (the reader declines `#` inside one). */
function endsFlowPlain(char: number): boolean {
  return char === COMMA || char === OPEN_BRACKET || char === CLOSE_BRACKET || char === OPEN_BRACE || char === CLOSE_BRACE || char === COLON || char === HASH || char === LF;
}

/** Whether a `:` before this code unit ends a flow plain scalar: before a space, a line end or a flow indicator. */
function colonEndsFlowPlain(next: number): boolean {
  return next === SPACE || next === LF || Number.isNaN(next) || next === COMMA || next === OPEN_BRACKET || next === CLOSE_BRACKET || next === OPEN_BRACE || next === CLOSE_BRACE;
}

/**
 * Reads the strict block subset of YAML that onething files are written in, straight from the text, as `yaml` 2
 * with the YAML 1.2 core schema reads it: block mappings and sequences (indentless sequences as mapping values
 * included), single-line plain and quoted scalars, single-line flow collections, comments and blank lines. Returns
 * undefined (declines) on anything else: a root that is not a block mapping, multi-line scalars, block scalars
 * (`|`, `>`), compact nested sequences (`- - x`), quoted escapes other than `\\ \" \/ \n \t \uXXXX`, empty or
 * trailing entries in flow collections, `:` or `#` inside a flow plain scalar, keys that are quoted with a space
 * before their `:`, start with an indicator or hold a flow indicator, duplicate keys, keys {@link keyIsSafe}
 * declines, and indentation yaml would reject.
 *
 * The caller must first check the text with `fastPathApplies` (fast-parse.ts), which rules out tabs, CR, control
 * characters, anchors, aliases, tags, directives, document markers after the first line, complex keys and flow
 * collections spanning lines: the reader relies on that and does not check them again. `start` is the offset after
 * the leading blank and comment lines and a bare `---` line.
 *
 * @example
 * readBlockYaml("a: 1\nb:\n  - x\n", 0); // { value: { a: 1, b: ["x"] } }
 * readBlockYaml("a: |\n  x\n", 0); // undefined
 */
export function readBlockYaml(text: string, start: number): { value: Record<string, unknown> } | undefined {
  const reader = new BlockReader(text, start);
  try {
    return { value: reader.document() };
  } catch (error) {
    // Declined, or a stack overflow on hostile nesting: the callers' slower paths decide.
    if (error === DECLINE || error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * Collections nested deeper than this are left to `yaml`, which reports resource exhaustion from about 850 levels:
 * the reader must not accept what `yaml` rejects, nor depend on how much stack is left.
 */
const MAX_DEPTH = 500;

/** A hash of the code units `text[start..end)` and their count, for the tables of {@link keyOf} and {@link scalarOf}. */
function textHash(text: string, start: number, end: number): number {
  let hash = end - start;
  for (let index = start; index < end; index += 1) hash = (Math.imul(hash, 31) + text.charCodeAt(index)) | 0;
  return hash;
}

/** Size of {@link KEYS}: a power of two. */
const KEY_SLOTS = 4096;

/**
 * Plain keys read before and found acceptable, by a hash of their code units: a file repeats a few dozen keys
 * thousands of times, and reusing one internalized string per key spares a copy, V8's look-up of it in the string
 * table at every property store, and the checks of {@link keyOf}. The strings are V8's own property names, never
 * slices that would keep a text alive.
 */
const KEYS: Array<string | undefined> = new Array<string | undefined>(KEY_SLOTS).fill(undefined);

/**
 * The plain key `text.slice(start, end)`, as a string read before when there is one; declines a key
 * {@link plainKeyChars} or {@link keyIsSafe} refuses.
 */
function keyOf(text: string, start: number, end: number): string {
  const slot = textHash(text, start, end) & (KEY_SLOTS - 1);
  const known = KEYS[slot];
  if (known !== undefined && known.length === end - start && text.startsWith(known, start)) return known;
  const slice = text.slice(start, end);
  if (!plainKeyChars(slice) || !keyIsSafe(slice)) throw DECLINE;
  const key = internalized(slice);
  KEYS[slot] = key;
  return key;
}

/** An object in dictionary mode, empty between calls of {@link internalized}. */
const NAMES: Record<string, true> = Object.create(null) as Record<string, true>;

/**
 * `text` as V8 stores a property name: a flat string of its own (one already in V8's string table when there is one),
 * not a slice holding on to the whole text it was cut from. The name is stored in a dictionary-mode object, since
 * every new name stored in an ordinary empty object would add a hidden class that is never freed.
 */
function internalized(text: string): string {
  NAMES[text] = true;
  let name = text;
  for (const key in NAMES) name = key;
  delete NAMES[text];
  return name;
}

/** Size of {@link SCALARS}: a power of two. */
const SCALAR_SLOTS = 65536;

/** Scalars longer than this many code units are not shared: long texts rarely repeat. */
const MAX_SHARED_LENGTH = 48;

/**
 * Short scalars read before, by a hash of their code units: a project repeats a few thousand short values (enums,
 * department ids, dates) over and over (the bench corpus holds 1.1 million strings, 30,000 of them distinct). Reusing
 * one flat string per value spares a string per occurrence, which every document would keep to the end of a run,
 * and the slices that would keep whole texts alive.
 */
const SCALARS: Array<string | undefined> = new Array<string | undefined>(SCALAR_SLOTS).fill(undefined);

/** The string `text.slice(start, end)`, as the same string read before when there is one and it is short. */
function scalarOf(text: string, start: number, end: number): string {
  const length = end - start;
  if (length > MAX_SHARED_LENGTH) return text.slice(start, end);
  // Mixed further than for keys: values are many more and alike (ids that differ in their last characters).
  let hash = textHash(text, start, end);
  hash = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  const slot = (hash ^ (hash >>> 16)) & (SCALAR_SLOTS - 1);
  const known = SCALARS[slot];
  if (known !== undefined && known.length === length && text.startsWith(known, start)) return known;
  const slice = text.slice(start, end);
  // V8 copies a string shorter than 13 code units; a longer one would be a slice holding on to the whole text.
  const value = length < 13 ? slice : internalized(slice);
  SCALARS[slot] = value;
  return value;
}

/** One pass over one text; `pos` is the start of the next line not yet read. */
class BlockReader {
  private pos: number;
  private readonly length: number;
  // Set by the scanners below instead of returning small objects, which would only feed the garbage collector.
  /** Just past the scalar or collection the last of `quoted`, `flow` or `flowNode` read. */
  private end = 0;
  /** From `plainEnd` and `flowPlain`: where the plain scalar's line part stops (a line end, `: `, a comment, …). */
  private stop = 0;
  /** From `plainEnd` and `flowPlain`: the end of the plain scalar without trailing spaces. */
  private plainTo = 0;
  /** How many collections are open around the current position. */
  private depth = 0;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.pos = start;
    this.length = text.length;
  }

  /** The root block mapping, which must reach the end of the text. */
  document(): Record<string, unknown> {
    const indent = this.nextContent();
    if (indent !== 0 || this.isDash(this.pos)) throw DECLINE;
    return this.mapping(0, this.pos);
  }

  /**
   * Skips blank and comment lines from `pos`; returns the indentation of the next line with content (`pos` at its
   * start), or -1 at the end of the text.
   */
  private nextContent(): number {
    const { text, length } = this;
    let at = this.pos;
    for (;;) {
      const lineStart = at;
      while (at < length && text.charCodeAt(at) === SPACE) at += 1;
      if (at >= length) {
        this.pos = length;
        return -1;
      }
      const char = text.charCodeAt(at);
      if (char === LF) {
        at += 1;
        continue;
      }
      if (char === HASH) {
        at = this.lineAfter(at);
        continue;
      }
      this.pos = lineStart;
      return at - lineStart;
    }
  }

  /** The start of the line after the one holding `at`, or the text's length. */
  private lineAfter(at: number): number {
    const end = this.text.indexOf("\n", at);
    return end < 0 ? this.length : end + 1;
  }

  /** Whether a block sequence entry starts at `at`: `-` before a space or a line end. */
  private isDash(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = this.text.charCodeAt(at + 1);
    return next === SPACE || next === LF || at + 1 >= this.length;
  }

  /** After a value on its line: only spaces and a comment may follow; moves `pos` to the next line. */
  private finishLine(at: number): void {
    const { text, length } = this;
    let index = at;
    while (index < length && text.charCodeAt(index) === SPACE) index += 1;
    if (index >= length) {
      this.pos = length;
      return;
    }
    const char = text.charCodeAt(index);
    if (char === LF) this.pos = index + 1;
    else if (char === HASH && index > at) this.pos = this.lineAfter(index);
    else throw DECLINE;
  }

  /** A block mapping whose keys sit at column `indent`; its first key starts at `keyAt` on the current line. */
  private mapping(indent: number, keyAt: number): Record<string, unknown> {
    if (++this.depth > MAX_DEPTH) throw DECLINE;
    const map = this.mappingEntries(indent, keyAt);
    this.depth -= 1;
    return map;
  }

  private mappingEntries(indent: number, keyAt: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    let at = keyAt;
    for (;;) {
      this.entry(map, indent, at);
      const next = this.nextContent();
      if (next !== indent) {
        if (next > indent) throw DECLINE;
        return map;
      }
      at = this.pos + indent;
      if (this.isDash(at)) throw DECLINE;
    }
  }

  /** One `key: value` entry of a block mapping at column `indent`, its key starting at `at`. */
  private entry(map: Record<string, unknown>, indent: number, at: number): void {
    const { text } = this;
    let key: string;
    let after: number;
    const first = text.charCodeAt(at);
    if (first === QUOTE || first === APOSTROPHE) {
      key = this.quoted(at);
      if (!keyIsSafe(key) || text.charCodeAt(this.end) !== COLON) throw DECLINE;
      after = this.end + 1;
      const next = text.charCodeAt(after);
      if (!(next === SPACE || next === LF || after >= this.length)) throw DECLINE;
    } else {
      const colon = this.plainEnd(at);
      if (colon < 0 || isIndicator(first) || first === DASH) throw DECLINE;
      if (text.charCodeAt(colon - 1) === SPACE) throw DECLINE;
      key = keyOf(text, at, colon);
      after = colon + 1;
    }
    if (Object.prototype.hasOwnProperty.call(map, key)) throw DECLINE;
    map[key] = this.value(indent, after, true);
  }

  /**
   * A value after `key:` or `- ` (from `at`, just past the indicator) of an entry at column `indent`: a nested block
   * (or null) when the line ends there, else a value on the line. Only a mapping's value may be an indentless
   * sequence at the mapping's own column.
   */
  private value(indent: number, at: number, inMapping: boolean): unknown {
    const { text, length } = this;
    let index = at;
    while (index < length && text.charCodeAt(index) === SPACE) index += 1;
    const char = index < length ? text.charCodeAt(index) : LF;
    if (char === LF || (char === HASH && index > at)) {
      this.pos = index < length ? this.lineAfter(index) : length;
      return this.nested(indent, inMapping);
    }
    if (char === QUOTE || char === APOSTROPHE) {
      const quoted = this.quoted(index);
      this.finishLine(this.end);
      return quoted;
    }
    if (char === OPEN_BRACKET || char === OPEN_BRACE) {
      const flow = this.flow(index);
      this.finishLine(this.end);
      return flow;
    }
    if (isIndicator(char) || (char === DASH && this.isDash(index))) throw DECLINE;
    if (this.plainEnd(index) >= 0) {
      // `- key: value`: a compact mapping whose column is the key's.
      if (inMapping) throw DECLINE;
      return this.mapping(index - this.pos, index);
    }
    const value = corePlain(scalarOf(text, index, this.plainTo));
    this.finishLine(this.stop);
    return value;
  }

  /**
   * The node on the lines after an entry at column `indent` whose line ended after its indicator: a block sequence
   * or mapping, a flow collection or quoted scalar alone on its line (as `yaml`'s stringify writes an empty list),
   * or null.
   */
  private nested(indent: number, inMapping: boolean): unknown {
    const next = this.nextContent();
    if (next > indent) {
      const at = this.pos + next;
      if (this.isDash(at)) return this.sequence(next);
      const char = this.text.charCodeAt(at);
      if (char === OPEN_BRACKET || char === OPEN_BRACE) {
        const flow = this.flow(at);
        this.finishLine(this.end);
        return flow;
      }
      if ((char === QUOTE || char === APOSTROPHE) && this.text.charCodeAt(this.quotedEnd(at)) !== COLON) {
        const quoted = this.quoted(at);
        this.finishLine(this.end);
        return quoted;
      }
      return this.mapping(next, at);
    }
    if (next === indent && inMapping && this.isDash(this.pos + next)) return this.sequence(next);
    return null;
  }

  /** A block sequence whose `-` sit at column `indent`; `pos` is at the start of its first entry's line. */
  private sequence(indent: number): unknown[] {
    if (++this.depth > MAX_DEPTH) throw DECLINE;
    const items = this.sequenceEntries(indent);
    this.depth -= 1;
    return compact(items);
  }

  private sequenceEntries(indent: number): unknown[] {
    const items: unknown[] = [];
    for (;;) {
      items.push(this.value(indent, this.pos + indent + 1, false));
      const following = this.nextContent();
      if (following !== indent) {
        if (following > indent) throw DECLINE;
        return items;
      }
      if (!this.isDash(this.pos + indent)) return items;
    }
  }

  /**
   * Scans a plain scalar on its line from `at`; returns the first `:` before a space or the line end (a key's end),
   * or -1 if none comes first. Sets `stop` where the scalar's line part ends (that `:`, a line end, the text's end,
   * or the space before a comment) and `plainTo` to its end without trailing spaces.
   */
  private plainEnd(at: number): number {
    const { text, length } = this;
    let index = at;
    let end = at;
    for (; index < length; index += 1) {
      const char = text.charCodeAt(index);
      if (char === LF) break;
      if (char === SPACE) {
        if (text.charCodeAt(index + 1) === HASH) break;
        continue;
      }
      if (char === COLON) {
        const next = text.charCodeAt(index + 1);
        if (next === SPACE || next === LF || index + 1 >= length) {
          this.stop = index;
          this.plainTo = end;
          return index;
        }
      }
      end = index + 1;
    }
    this.stop = index;
    this.plainTo = end;
    return -1;
  }

  /** Just past the quoted scalar on one line starting at `at` (declines one that does not close on its line). */
  private quotedEnd(at: number): number {
    this.quoted(at);
    return this.end;
  }

  /** A quoted scalar on one line starting at `at`; sets `end` just past its closing quote. */
  private quoted(at: number): string {
    return this.text.charCodeAt(at) === APOSTROPHE ? this.singleQuoted(at) : this.doubleQuoted(at);
  }

  private singleQuoted(at: number): string {
    const { text, length } = this;
    let value = "";
    let from = at + 1;
    for (let index = from; index < length; index += 1) {
      const char = text.charCodeAt(index);
      if (char === LF) break;
      if (char !== APOSTROPHE) continue;
      if (text.charCodeAt(index + 1) === APOSTROPHE) {
        value += text.slice(from, index + 1);
        index += 1;
        from = index + 1;
        continue;
      }
      this.end = index + 1;
      return value === "" ? scalarOf(text, from, index) : value + text.slice(from, index);
    }
    throw DECLINE;
  }

  private doubleQuoted(at: number): string {
    const { text, length } = this;
    let value = "";
    let from = at + 1;
    for (let index = from; index < length; index += 1) {
      const char = text.charCodeAt(index);
      if (char === LF) break;
      if (char === QUOTE) {
        this.end = index + 1;
        return value === "" ? scalarOf(text, from, index) : value + text.slice(from, index);
      }
      if (char !== BACKSLASH) continue;
      value += text.slice(from, index);
      const escape = text.charCodeAt(index + 1);
      if (escape === BACKSLASH || escape === QUOTE || escape === 0x2f) value += String.fromCharCode(escape);
      else if (escape === 0x6e) value += "\n";
      else if (escape === 0x74) value += "\t";
      else if (escape === 0x75) {
        const hex = text.slice(index + 2, index + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw DECLINE;
        const code = parseInt(hex, 16);
        if (code >= 0xd800 && code <= 0xdfff) throw DECLINE;
        value += String.fromCharCode(code);
        index += 4;
      } else throw DECLINE;
      index += 1;
      from = index + 1;
    }
    throw DECLINE;
  }

  /** A flow collection on one line starting at `at` (`[` or `{`); sets `end` just past its closing bracket. */
  private flow(at: number): unknown {
    if (++this.depth > MAX_DEPTH) throw DECLINE;
    const value = this.text.charCodeAt(at) === OPEN_BRACKET ? this.flowSequence(at) : this.flowMapping(at);
    this.depth -= 1;
    return value;
  }

  /** The first code unit from `at` that is not a space. */
  private skipSpaces(at: number): number {
    let index = at;
    while (this.text.charCodeAt(index) === SPACE) index += 1;
    return index;
  }

  private flowSequence(at: number): unknown[] {
    const items: unknown[] = [];
    let index = this.skipSpaces(at + 1);
    if (this.text.charCodeAt(index) === CLOSE_BRACKET) {
      this.end = index + 1;
      return items;
    }
    for (;;) {
      items.push(this.flowNode(index));
      index = this.skipSpaces(this.end);
      const char = this.text.charCodeAt(index);
      if (char === CLOSE_BRACKET) {
        this.end = index + 1;
        return compact(items);
      }
      if (char !== COMMA) throw DECLINE;
      index = this.skipSpaces(index + 1);
    }
  }

  private flowMapping(at: number): Record<string, unknown> {
    const { text } = this;
    const map: Record<string, unknown> = {};
    let index = this.skipSpaces(at + 1);
    if (text.charCodeAt(index) === CLOSE_BRACE) {
      this.end = index + 1;
      return map;
    }
    for (;;) {
      let key: string;
      const first = text.charCodeAt(index);
      if (first === QUOTE || first === APOSTROPHE) {
        key = this.quoted(index);
        if (!keyIsSafe(key)) throw DECLINE;
        index = this.end;
      } else {
        if (isIndicator(first) || first === DASH) throw DECLINE;
        this.flowPlain(index);
        // A space before the `:` is left to the slower paths.
        if (this.plainTo !== this.stop) throw DECLINE;
        key = keyOf(text, index, this.plainTo);
        index = this.stop;
      }
      if (text.charCodeAt(index) !== COLON || text.charCodeAt(index + 1) !== SPACE) throw DECLINE;
      if (Object.prototype.hasOwnProperty.call(map, key)) throw DECLINE;
      map[key] = this.flowNode(this.skipSpaces(index + 2));
      index = this.skipSpaces(this.end);
      const char = text.charCodeAt(index);
      if (char === CLOSE_BRACE) {
        this.end = index + 1;
        return map;
      }
      if (char !== COMMA) throw DECLINE;
      index = this.skipSpaces(index + 1);
    }
  }

  /** A node inside a flow collection: a nested flow collection, a quoted scalar or a plain scalar; sets `end`. */
  private flowNode(at: number): unknown {
    const char = this.text.charCodeAt(at);
    if (char === OPEN_BRACKET || char === OPEN_BRACE) return this.flow(at);
    if (char === QUOTE || char === APOSTROPHE) return this.quoted(at);
    // `-` starts a flow plain scalar only before a code unit that may continue one (`-1`, not `- x`, `-]` or `-,`).
    if (isIndicator(char) || (char === DASH && (this.isDash(at) || endsFlowPlain(this.text.charCodeAt(at + 1))))) throw DECLINE;
    this.flowPlain(at);
    const next = this.text.charCodeAt(this.stop);
    // A `:` or `#` after a flow plain scalar makes it a key, part of it, or a comment: all left to the slower paths.
    if (next === COLON || next === HASH || next === LF || this.stop >= this.length) throw DECLINE;
    this.end = this.stop;
    return corePlain(scalarOf(this.text, at, this.plainTo));
  }

  /** Scans a flow plain scalar from `at`: sets `stop` at the first code unit {@link endsFlowPlain}, `plainTo` before trailing spaces. */
  private flowPlain(at: number): void {
    const { text, length } = this;
    let index = at;
    let end = at;
    for (; index < length; index += 1) {
      const char = text.charCodeAt(index);
      // `12:30` is one scalar: a `:` ends it only before a space, a line end or a flow indicator.
      if (endsFlowPlain(char) && !(char === COLON && !colonEndsFlowPlain(text.charCodeAt(index + 1)))) break;
      if (char !== SPACE) end = index + 1;
    }
    if (end === at) throw DECLINE;
    this.stop = index;
    this.plainTo = end;
  }
}

/**
 * The items in an array of their own size. An array filled by `push` reserves room for 16 more items, and most
 * lists in a project hold one to five: every document keeps its lists to the end of a run, so the spare room would
 * cost about 100 bytes per list (17 MiB on the bench corpus). The array filled stays short-lived.
 */
function compact(items: unknown[]): unknown[] {
  return items.slice();
}

/** Whether a block plain key holds none of `[]{},` (the reader leaves such keys to the slower paths). */
function plainKeyChars(key: string): boolean {
  for (let index = 0; index < key.length; index += 1) {
    const char = key.charCodeAt(index);
    if (char === OPEN_BRACKET || char === CLOSE_BRACKET || char === OPEN_BRACE || char === CLOSE_BRACE || char === COMMA) return false;
  }
  return true;
}
