import type { DocumentKind } from "./kinds.js";
import * as validators from "./generated/validators.js";

/** One violation of a kind's JSON Schema, as the precompiled Ajv validator reports it. */
export interface StructuralError {
  /** The schema keyword that failed (`required`, `enum`, `pattern`, `additionalProperties`, …). */
  keyword: string;
  /** JSON Pointer to the offending value (for `required` and `additionalProperties`, its parent object). */
  instancePath: string;
  /** JSON Pointer (with the schema's URI) to the failing keyword in the schema. */
  schemaPath: string;
  /** Keyword details: `missingProperty`, `additionalProperty`, `allowedValues`, `pattern`, `limit`, … */
  params: Record<string, unknown>;
  /** Ajv's English message; callers build localized messages from `keyword` and `params`. */
  message: string;
}

/**
 * Validates a value against the JSON Schema of `kind` with the validators compiled at build time, and
 * returns every violation found (an empty array when the value is valid). Errors of `if` are left out:
 * the failing `then` keyword is reported on its own.
 *
 * @example
 * const errors = validateStructure("Checklist", parse(text));
 * if (errors.length > 0) console.log(errors[0].keyword, errors[0].instancePath);
 */
export function validateStructure(kind: DocumentKind, value: unknown): StructuralError[] {
  const validate = validators[kind];
  if (validate(value)) return [];
  return (validate.errors ?? [])
    .filter((error) => error.keyword !== "if")
    .map((error) => ({
      keyword: error.keyword,
      instancePath: error.instancePath,
      schemaPath: error.schemaPath,
      params: { ...error.params },
      message: error.message ?? error.keyword,
    }));
}
