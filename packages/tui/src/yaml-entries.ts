/** Where one entry of `spec.matters` sits in a text: its lines, `[start, end)`. */
export interface EntryLines {
  /** First line (the one with the entry's `-`). */
  start: number;
  /** The line after the entry's last line. */
  end: number;
}

/** The block outline of `spec.matters` in a text: its lines, the entries' indent and line ranges. */
export interface MattersOutline {
  /** The text's lines (split at `\n`). */
  lines: readonly string[];
  /** The offset of each line's first character. */
  starts: readonly number[];
  /** The column of every entry's `-`. */
  indent: number;
  /** The entries in order. */
  entries: readonly EntryLines[];
}

/** Columns of white space (as `trimStart` reads it) a line starts with; counted without copying the line, since lists are read line by line on every edit. */
function indentOf(line: string): number {
  let index = 0;
  while (index < line.length && line.charCodeAt(index) === 0x20) index += 1;
  const next = line.charCodeAt(index);
  // Past the spaces: anything printable in ASCII ends the indent; other white space (tabs, no-break or ideographic spaces) is rare.
  if (index === line.length || (next > 0x20 && next < 0x7f)) return index;
  return line.length - line.trimStart().length;
}
const isBlank = (line: string): boolean => indentOf(line) === line.length;
const isComment = (line: string): boolean => line.charCodeAt(indentOf(line)) === 0x23;
/** Neither blank nor a comment line. */
const isContent = (line: string): boolean => !isBlank(line) && !isComment(line);
const isEntryStart = (line: string, indent: number): boolean => indentOf(line) === indent && (line[indent] === "-" && (line.length === indent + 1 || line[indent + 1] === " "));

// The outlines of the last few texts (a file's text before and after an edit, the text being typed into).
const cache: { text: string; outline: MattersOutline | undefined }[] = [];
const CACHED = 4;

/**
 * Finds the entries of `spec.matters` with a strict reading of block YAML, without parsing the text:
 * a top-level `spec:` key, a `matters:` key among its children, and a block sequence below it whose
 * entries each start with `-` at one column, every other line of an entry indented further (blank
 * lines and comments at the entries' column after an entry are not part of it). Anything
 * else (a single document only; no tabs, carriage returns, directives or document markers; flow style
 * for `spec` or `matters`) gives `undefined`, and the caller edits the whole text instead. The last
 * text's outline is remembered, so asking again for the same text costs nothing.
 *
 * @example
 * outlineMatters("spec:\n  matters:\n    - id: a\n    - id: b\n      stage: birth\n")?.entries;
 * // [{ start: 2, end: 3 }, { start: 3, end: 5 }]
 */
export function outlineMatters(text: string): MattersOutline | undefined {
  const hit = cache.find((entry) => entry.text === text);
  if (hit !== undefined) return hit.outline;
  const outline = readOutline(text);
  cache.unshift({ text, outline });
  cache.length = Math.min(cache.length, CACHED);
  return outline;
}

function readOutline(text: string): MattersOutline | undefined {
  if (text.includes("\r") || text.includes("\t")) return undefined;
  const lines = text.split("\n");
  let spec = -1;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    // Only lines starting with `-`, `.`, `%` or `s` can be a marker, a directive or `spec:`.
    const head = line.charCodeAt(0);
    if (head !== 0x2d && head !== 0x2e && head !== 0x25 && head !== 0x73) continue;
    if (/^(?:---|\.\.\.)(?:\s|$)/u.test(line) || line.startsWith("%")) return undefined;
    if (/^spec\s*:/u.test(line)) {
      if (spec >= 0 || !/^spec:\s*(?:#.*)?$/u.test(line)) return undefined;
      spec = index;
    }
  }
  if (spec < 0) return undefined;
  // The children of spec: the lines after it up to the next content line at column 0.
  let childIndent = -1;
  let matters = -1;
  let index = spec + 1;
  for (; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    if (!isContent(line)) continue;
    const indent = indentOf(line);
    if (indent === 0) break;
    if (childIndent < 0) childIndent = indent;
    if (indent === childIndent && /^\s*matters\s*:/u.test(line)) {
      if (matters >= 0 || !/^\s*matters:\s*(?:#.*)?$/u.test(line)) return undefined;
      matters = index;
    }
  }
  if (matters < 0) return undefined;
  let first = matters + 1;
  while (first < lines.length && !isContent(lines[first] ?? "")) first += 1;
  const indent = indentOf(lines[first] ?? "");
  if (first >= lines.length || indent < childIndent || !isEntryStart(lines[first] ?? "", indent)) return undefined;
  const entries: EntryLines[] = [];
  let lastContent = first;
  for (index = first; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    const lineIndent = indentOf(line);
    if (lineIndent === line.length) continue;
    // Blank lines and comments at the entries' column after an entry stay outside it.
    if (line.charCodeAt(lineIndent) === 0x23 && lineIndent <= indent) continue;
    if (lineIndent === indent && line.charCodeAt(indent) === 0x2d && (line.length === indent + 1 || line.charCodeAt(indent + 1) === 0x20)) {
      const previous = entries.at(-1);
      if (previous !== undefined) previous.end = lastContent + 1;
      entries.push({ start: index, end: index + 1 });
    } else if (lineIndent <= indent) break;
    lastContent = index;
  }
  const last = entries.at(-1);
  if (last !== undefined) last.end = lastContent + 1;
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return { lines, starts, indent, entries };
}

/** A run of entries cut out of the text as a YAML document of its own, and how to put it back. */
export interface EntrySlice {
  /** The entries' lines, moved left by the entries' indent: a block sequence at column 0. */
  text: string;
  /** Puts an edited slice (ending in a line break, as `text` does) back in place of the entries; undefined when it cannot be. */
  splice(edited: string): string | undefined;
}

/**
 * Cuts entries `first` to `last` (inclusive) of `spec.matters` out of a text as a document of their
 * own, or `undefined` when they cannot be cut safely: a line of them indented less than the entries,
 * a line of nothing but spaces (moving it would change it), or an anchor, alias or tag (whose meaning
 * reaches beyond the entries).
 *
 * @example
 * sliceEntries("spec:\n  matters:\n    - id: a\n    - id: b\n", 1, 1)?.text; // "- id: b\n"
 */
export function sliceEntries(text: string, first: number, last: number): EntrySlice | undefined {
  const outline = outlineMatters(text);
  const from = outline?.entries[first];
  const to = outline?.entries[last];
  if (outline === undefined || from === undefined || to === undefined || first > last) return undefined;
  const { lines, indent } = outline;
  const prefix = " ".repeat(indent);
  const cut: string[] = [];
  for (let index = from.start; index < to.end; index += 1) {
    const line = lines[index] ?? "";
    if (line === "") {
      cut.push(line);
      continue;
    }
    if (isBlank(line) || !line.startsWith(prefix)) return undefined;
    if (/(?:^|[\s[{,])[&*!][^\s]/u.test(line.trimStart().startsWith("#") ? "" : line)) return undefined;
    // A block scalar keeping its final line breaks (`|+`) would take the blank lines after the entry.
    if (/[|>][1-9]?\+\s*(?:#.*)?$/u.test(line)) return undefined;
    cut.push(line.slice(indent));
  }
  return {
    text: `${cut.join("\n")}\n`,
    splice: (edited) => {
      if (!edited.endsWith("\n")) return undefined;
      const back = edited
        .slice(0, -1)
        .split("\n")
        .map((line) => (line === "" ? line : prefix + line));
      // By offsets, not by joining every line again: this runs on every keystroke in a long list.
      const before = text.slice(0, outline.starts[from.start] ?? 0);
      const after = to.end < lines.length ? text.slice((outline.starts[to.end] ?? text.length + 1) - 1) : "";
      return before + back.join("\n") + after;
    },
  };
}
