import type { LocalizedMessage } from "@onething/schemas";
import type { MessageData } from "./types.js";

/**
 * Fills the `{placeholders}` of both languages of a template; a localized value fills each language with its
 * own text, and unknown placeholders stay as written.
 *
 * @example
 * formatMessage({ zh: "未知部门 {id}", en: "Unknown department {id}" }, { id: "dept.nhc" }).en; // "Unknown department dept.nhc"
 */
export function formatMessage(template: LocalizedMessage, data: MessageData = {}): LocalizedMessage {
  const fill = (text: string, language: "zh" | "en") =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!Object.hasOwn(data, name)) return whole;
      const value = data[name];
      return typeof value === "object" ? value[language] : String(value);
    });
  return { zh: fill(template.zh, "zh"), en: fill(template.en, "en") };
}

/**
 * Writes a JSON Pointer as a dotted field path, `/spec/matters/0/id` → `spec.matters[0].id`.
 *
 * @example
 * pointerToPath("/spec/matters/0/items/1/ref"); // "spec.matters[0].items[1].ref"
 */
export function pointerToPath(pointer: string): string {
  if (pointer === "") return "(root)";
  let path = "";
  for (const token of parsePointer(pointer)) {
    if (/^\d+$/.test(token)) path += `[${token}]`;
    else path += path === "" ? token : `.${token}`;
  }
  return path;
}

/** Splits a JSON Pointer into its unescaped tokens. */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Appends tokens to a JSON Pointer, escaping `~` and `/`. */
export function joinPointer(pointer: string, ...tokens: Array<string | number>): string {
  let result = pointer;
  for (const token of tokens) {
    const text = String(token);
    // Most tokens (indexes, field names, ids) hold neither "~" nor "/": nothing to escape.
    result += typeof token === "number" || !/[~/]/.test(text) ? `/${text}` : `/${text.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  }
  return result;
}
