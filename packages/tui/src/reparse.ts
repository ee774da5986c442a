import { isAlias, isScalar, parseDocument, visit } from "yaml";
import { parseSource, type ParseResult, type ParsedDocument } from "@onething/sdk";
import { outlineMatters, sliceEntries } from "./yaml-entries.js";

// The same YAML reading as @onething/dsl (its fast path is proven equal to it).
const YAML_OPTIONS = { schema: "core", version: "1.2", uniqueKeys: true, prettyErrors: false, logLevel: "silent" } as const;

/** Line number (0-based) of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 0;
  let at = text.indexOf("\n");
  while (at !== -1 && at < offset) {
    line += 1;
    at = text.indexOf("\n", at + 1);
  }
  return line;
}

/**
 * The values of entries cut out of a list (a block sequence at column 0, as `sliceEntries` cuts them),
 * read as @onething/dsl reads YAML; undefined when they do not parse cleanly.
 *
 * @example
 * parseEntries("- id: a\n- id: b\n"); // [{ id: "a" }, { id: "b" }]
 */
export function parseEntries(text: string): unknown[] | undefined {
  try {
    const document = parseDocument(text, YAML_OPTIONS);
    if (document.errors.length > 0 || document.warnings.length > 0) return undefined;
    // Keys the loader reports (`__proto__`, numbers, booleans, `1` beside `"1"`), anchors, aliases and tags
    // need its full inspection: the caller parses the whole text instead.
    let plain = true;
    visit(document, {
      Pair(_, pair) {
        if (!isScalar(pair.key) || typeof pair.key.value !== "string" || pair.key.value === "__proto__") plain = false;
      },
      Node(_, node) {
        if (isAlias(node) || node.anchor !== undefined || node.tag !== undefined) plain = false;
      },
    });
    if (!plain) return undefined;
    const parsed: unknown = document.toJS();
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The document of a file's new text, made from the document of its previous text when the two differ
 * only inside entries of `spec.matters` (an edit, an undo): those entries alone are parsed and put in
 * place of the old ones, every other value is shared. Positions (`locate`) come from a full parse of the
 * new text, made only when first asked for. Undefined when the change reaches outside the entries, the
 * entries cannot be cut out (see `sliceEntries`) or do not parse cleanly: the caller parses the whole text.
 *
 * @example
 * const next = reparseEntries(document, editedText) ?? parseSource({ path: document.path, text: editedText }).document;
 */
export function reparseEntries(previous: ParsedDocument, text: string): ParsedDocument | undefined {
  const old = previous.text;
  if (old === text) return previous;
  const oldOutline = outlineMatters(old);
  const newOutline = outlineMatters(text);
  const matters = (previous.value as { spec?: { matters?: unknown } } | undefined)?.spec?.matters;
  if (oldOutline === undefined || newOutline === undefined || !Array.isArray(matters) || matters.length !== oldOutline.entries.length) return undefined;
  // The changed characters: after the common prefix, before the common suffix.
  let prefix = 0;
  const shortest = Math.min(old.length, text.length);
  while (prefix < shortest && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (suffix < shortest - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix += 1;
  const firstLine = lineAt(old, prefix);
  // The line of the last changed character; where nothing was removed (or added), the line before the place.
  const lastLine = (of: string) => lineAt(of, of.length - suffix > prefix ? of.length - suffix - 1 : Math.max(0, prefix - 1));
  const oldLast = lastLine(old);
  const newLast = lastLine(text);
  const oldEntries = oldOutline.entries;
  const newEntries = newOutline.entries;
  // The first entry the change may touch, and the entries after it untouched in both texts.
  // (An entry ending just before the changed line may have grown or shrunk at its end.)
  const first = oldEntries.findIndex((entry) => entry.end >= firstLine);
  if (first < 0 || (oldEntries[0]?.start ?? 0) > firstLine || (newEntries[0]?.start ?? 0) > firstLine) return undefined;
  if (oldLast >= (oldEntries.at(-1)?.end ?? 0) || newLast >= (newEntries.at(-1)?.end ?? 0)) return undefined;
  let kept = 0;
  while (kept < oldEntries.length - first && (oldEntries[oldEntries.length - 1 - kept]?.start ?? 0) > oldLast) kept += 1;
  const newCount = newEntries.length - kept - first;
  // `yaml` reads about 14 times slower than the whole-text fast path: past a tenth of the list, parse it whole.
  if (newCount < 0 || (newCount > 8 && newCount * 10 > newEntries.length)) return undefined;
  // The entries before and after the change must sit where they sat (the outline read them alike).
  const shift = newOutline.lines.length - oldOutline.lines.length;
  for (let index = 0; index < first; index += 1) {
    if (oldEntries[index]?.start !== newEntries[index]?.start || oldEntries[index]?.end !== newEntries[index]?.end) return undefined;
  }
  for (let index = 1; index <= kept; index += 1) {
    const before = oldEntries[oldEntries.length - index];
    const after = newEntries[newEntries.length - index];
    if (before === undefined || after === undefined || before.start + shift !== after.start || before.end + shift !== after.end) return undefined;
  }
  let values: unknown[] = [];
  if (newCount > 0) {
    const slice = sliceEntries(text, first, first + newCount - 1);
    const parsed = slice === undefined ? undefined : parseEntries(slice.text);
    if (parsed?.length !== newCount) return undefined;
    values = parsed;
  }
  const root = previous.value as { spec: Record<string, unknown> } & Record<string, unknown>;
  const value = { ...root, spec: { ...root.spec, matters: [...matters.slice(0, first), ...values, ...matters.slice(matters.length - kept)] } };
  let full: ParsedDocument | undefined;
  const parsed = (): ParsedDocument => {
    full ??= parseSource({ path: previous.path, text }).document ?? previous;
    return full;
  };
  return {
    apiVersion: previous.apiVersion,
    kind: previous.kind,
    id: previous.id,
    path: previous.path,
    text,
    value,
    locate: (pointer, part) => parsed().locate(pointer, part),
    get yaml() {
      return parsed().yaml;
    },
  };
}

/**
 * Parses a file's new text as the editor does: only the edited matters (see {@link reparseEntries}) when the
 * previous text parsed without a finding, else the whole text.
 *
 * @example
 * const { document, diagnostics } = parseEdited({ path: "checklists/a.yaml", text: editedText, previous: document, clean: true });
 */
export function parseEdited(options: { path: string; text: string; previous: ParsedDocument | undefined; clean: boolean }): ParseResult {
  const { path, text, previous } = options;
  const incremental = previous !== undefined && options.clean ? reparseEntries(previous, text) : undefined;
  return incremental === undefined ? parseSource({ path, text }) : { document: incremental, diagnostics: [] };
}
