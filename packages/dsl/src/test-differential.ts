import { parseDocument } from "yaml";
import { YAML_OPTIONS } from "./parse.js";

/**
 * The value with its types and key order made visible, so that `toEqual` tells 1 from 1.0-as-string, -0 from 0, and
 * key orders apart (tests only).
 *
 * @example
 * canonical({ a: -0 }); // ["map", ["a", ["number", "-0"]]]
 */
export function canonical(value: unknown): unknown {
  if (value === null) return ["null"];
  if (Array.isArray(value)) return ["seq", ...value.map(canonical)];
  if (typeof value === "number") return ["number", Object.is(value, -0) ? "-0" : String(value)];
  if (typeof value === "object") return ["map", ...Object.entries(value).map(([key, item]) => [key, canonical(item)])];
  return [typeof value, value];
}

/**
 * What `yaml` reads, as parseSource's `yaml` path reads it, or undefined when it reports anything (tests only).
 *
 * @example
 * yamlValue("a: 1\na: 2\n"); // undefined: a duplicate key
 */
export function yamlValue(text: string): unknown {
  const document = parseDocument(text, YAML_OPTIONS);
  if (document.errors.length > 0 || document.warnings.length > 0) return undefined;
  return document.toJS();
}
