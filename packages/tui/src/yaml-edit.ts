import { isCollection, isScalar, parseDocument } from "yaml";
import type { LocalizedMessage } from "@onething/schemas";

// The same YAML reading as @onething/dsl, so an edit sees exactly the document the validators saw.
const YAML_OPTIONS = { schema: "core", version: "1.2", uniqueKeys: true, prettyErrors: false, logLevel: "silent" } as const;

/** A path into a document: mapping keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

/** What {@link applyEdit} returns: the new text, or why the edit could not be made. */
export type EditResult = { ok: true; text: string } | { ok: false; message: LocalizedMessage };

/** Options of {@link applyEdit}. */
export interface ApplyEditOptions {
  /** The file's current text. */
  text: string;
  /** Where the value goes. */
  path: YamlPath;
  /** The new value; `undefined` removes the key. */
  value: string | number | boolean | undefined;
}

/**
 * Changes one value of a YAML text. When the value replaces an existing scalar, only that scalar's
 * characters change (comments, key order, flow style and every other line stay byte-identical);
 * adding or removing a key re-serializes the document, which is byte-identical for canonically
 * formatted files. Never throws.
 *
 * @example
 * applyEdit({ text: "metadata:\n  version: 1.1.0 # bumped\n", path: ["metadata", "version"], value: "1.2.0" });
 * // { ok: true, text: "metadata:\n  version: 1.2.0 # bumped\n" }
 */
export function applyEdit(options: ApplyEditOptions): EditResult {
  const bom = options.text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = options.text.slice(bom.length);
  try {
    const document = parseDocument(body, YAML_OPTIONS);
    if (document.errors.length > 0) return { ok: false, message: UNPARSABLE };
    const existing = document.getIn(options.path, true);
    if (isCollection(existing)) return { ok: false, message: NOT_A_SCALAR };
    if (options.value === undefined) {
      if (existing === undefined) return { ok: true, text: options.text };
      const unchanged = document.toString({ lineWidth: 0 });
      document.deleteIn(options.path);
      return { ok: true, text: bom + mergeLines({ original: body, unchanged, changed: document.toString({ lineWidth: 0 }) }) };
    }
    if (!isScalar(existing) || existing.range === undefined || existing.range === null) {
      const unchanged = document.toString({ lineWidth: 0 });
      document.setIn(options.path, options.value);
      return { ok: true, text: bom + mergeLines({ original: body, unchanged, changed: document.toString({ lineWidth: 0 }) }) };
    }
    const [start, end] = existing.range;
    // Setting a scalar keeps its node (and so its quoting style); the new characters are cut from the
    // re-serialized document and spliced into the original text, so nothing else can change.
    document.setIn(options.path, options.value);
    const rendered = document.toString({ lineWidth: 0 });
    const reparsed = parseDocument(rendered, YAML_OPTIONS).getIn(options.path, true);
    if (!isScalar(reparsed) || reparsed.range === undefined || reparsed.range === null) return { ok: false, message: NOT_A_SCALAR };
    const replacement = rendered.slice(reparsed.range[0], reparsed.range[1]);
    return { ok: true, text: bom + body.slice(0, start) + replacement + body.slice(end) };
  } catch {
    return { ok: false, message: UNPARSABLE };
  }
}

/**
 * Carries a structural change (a key added or removed) over to the original text: the lines where the
 * re-serialized document changed come from the re-serialization, every other line from the original,
 * so lines the serializer would have reformatted (comment spacing, say) stay as they were. When the
 * original and its re-serialization do not line up, the re-serialization is used as is.
 */
function mergeLines(options: { original: string; unchanged: string; changed: string }): string {
  const original = options.original.split("\n");
  const before = options.unchanged.split("\n");
  const after = options.changed.split("\n");
  if (original.length !== before.length) return options.changed;
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix += 1;
  return [...original.slice(0, prefix), ...after.slice(prefix, after.length - suffix), ...original.slice(original.length - suffix)].join("\n");
}

const UNPARSABLE: LocalizedMessage = {
  zh: "文件当前无法解析为 YAML，不能修改",
  en: "The file cannot be parsed as YAML now, so it cannot be edited",
};

const NOT_A_SCALAR: LocalizedMessage = {
  zh: "这里是一组数据，不是单个值，不能直接修改",
  en: "This is a collection, not a single value, and cannot be edited directly",
};
