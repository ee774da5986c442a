import { pick, type Lang } from "../labels.js";
import type { ChangeCheck, ChangeClass, ChangeLocation, DiffImpact, DiffResult, SemverImpact } from "../types.js";
import { summarizeDiff, type DiffSummary } from "./group.js";

/** One change in the json output (the message in the chosen language). */
export interface JsonChange {
  /** The change kind. */
  check: ChangeCheck;
  /** How the change affects consumers. */
  class: ChangeClass;
  /** The semver part it calls for. */
  impact: SemverImpact;
  /** True when a value got worse. */
  regression?: boolean;
  /** `metadata.id` of the document. */
  document: string;
  /** The matter or ledger entry id. */
  matter?: string;
  /** The matter's name in the chosen language. */
  matterName?: string;
  /** The matter's subject. */
  subject?: string;
  /** The matter's stage. */
  stage?: string;
  /** The path of the changed value, with ids for list elements. */
  field?: string;
  /** The value before. */
  before?: unknown;
  /** The value after. */
  after?: unknown;
  /** What changed, in the chosen language. */
  message: string;
  /** Where the value is in each version. */
  locations: { before?: ChangeLocation; after?: ChangeLocation };
  /** A stable hash of check, document, matter and field. */
  fingerprint: string;
}

/** The document `onething diff --format json` prints; its JSON Schema is `@onething/diff/diff-output.schema.json`. */
export interface JsonDiffOutput {
  /** The version of this output shape. */
  version: 1;
  /** The language of the messages. */
  lang: Lang;
  /** The suggested version bump. */
  impact: DiffImpact;
  /** Counts by class, and regressions. */
  summary: DiffSummary;
  /** The documents compared. */
  documents: Array<{ id: string; kind: string; title?: string; before?: string; after?: string }>;
  /** Every change. */
  changes: JsonChange[];
}

/**
 * Builds the json output object (`renderJson` serialises it).
 *
 * @example
 * const output = toJsonDiff(diffDocuments({ before, after }), { lang: "en" });
 * output.changes[0]?.check; // "text-changed"
 */
export function toJsonDiff(result: DiffResult, options: { lang: Lang }): JsonDiffOutput {
  const { lang } = options;
  return {
    version: 1,
    lang,
    impact: result.impact,
    summary: summarizeDiff(result.changes),
    documents: result.documents.map((document) => ({
      id: document.id,
      kind: document.kind,
      ...(document.title === undefined ? {} : { title: pick(document.title, lang) }),
      ...(document.before === undefined ? {} : { before: document.before }),
      ...(document.after === undefined ? {} : { after: document.after }),
    })),
    changes: result.changes.map((change) => {
      const { message, matterName, ...rest } = change;
      return { ...rest, ...(matterName === undefined ? {} : { matterName: pick(matterName, lang) }), message: pick(message, lang) } as JsonChange;
    }),
  };
}

/**
 * Renders a diff as one JSON document `{ version: 1, lang, impact, summary, documents, changes }`, 2-space indented.
 *
 * @example
 * process.stdout.write(renderJson(diffDocuments({ before, after }), { lang: "en" }));
 */
export function renderJson(result: DiffResult, options: { lang: Lang }): string {
  return `${JSON.stringify(toJsonDiff(result, options), null, 2)}\n`;
}
