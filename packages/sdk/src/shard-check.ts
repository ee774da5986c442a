import type { Diagnostic, DocumentKind, SourceDocument } from "@onething/schemas";
import { checkAndResolve } from "./check.js";
import type { CheckOptions } from "./check.js";

/**
 * What the main thread learns of a document parsed in a worker, to split the project into shards: its kind,
 * `metadata.id`, and the lists it extends (read leniently: a structurally invalid list is still resolved).
 */
export interface ShardFacts {
  /** The document's kind. */
  kind: DocumentKind;
  /** `metadata.id`, when it is a string. */
  id: string | undefined;
  /** The `checklist` of every `spec.extends` entry that names one. */
  extends: string[];
  /** Whether the document is an annual checklist (`spec.scope: annual`), which defines a batch. */
  annual: boolean;
}

/**
 * The codes whose findings can depend on the leaves (lists no one extends) outside a shard: `unknown-base` and
 * `unknown-checklist` suggest the nearest of every checklist id, and a ledger or evaluation may name any list. A
 * shard reporting one of these (or a finding about no file, such as a crashed rule) cannot stand for the whole
 * project. Every other rule looks only at what every shard holds: departments, items, stages and batches are
 * defined in registries, catalogues, taxonomies and annual lists; a list's matters in its own chain (a ledger's
 * matters are looked up only in a list the shard holds, else `unknown-checklist` is reported); duplicates are
 * found within one document or among shared ones (duplicated `metadata.id`s are caught by {@link shardsAreSound}).
 */
export const CROSS_FILE_CODES: ReadonlySet<string> = new Set(["unknown-base", "unknown-checklist"]);

/**
 * The facts of one parsed document.
 *
 * @example
 * shardFacts(document); // { kind: "Checklist", id: "cn.sd.qingdao", extends: ["cn.sd"] }
 */
export function shardFacts(document: { kind: DocumentKind; id: string | undefined; value: unknown }): ShardFacts {
  const spec = member(document.value, "spec");
  const bases = member(spec, "extends");
  const extendsIds = Array.isArray(bases) ? bases.map((base) => member(base, "checklist")).filter((id): id is string => typeof id === "string") : [];
  return { kind: document.kind, id: document.id, extends: extendsIds, annual: member(spec, "scope") === "annual" };
}

/**
 * Which documents every shard must hold whole: everything but the leaves, the checklists that no document
 * extends and that define no batch. Registries, catalogues, taxonomies, ledgers, annual lists and the lists others
 * build on are what a leaf's findings depend on; a leaf's findings depend on no other leaf, except through the
 * codes of {@link CROSS_FILE_CODES} and duplicated `metadata.id`s, which {@link checkShard} and
 * {@link shardsAreSound} detect.
 *
 * @example
 * sharedDocuments([{ kind: "Checklist", id: "cn", extends: [], annual: false }, { kind: "Checklist", id: "cn.sd", extends: ["cn"], annual: false }]); // [true, false]
 */
export function sharedDocuments(facts: readonly ShardFacts[]): boolean[] {
  const extended = new Set(facts.flatMap((fact) => fact.extends));
  return facts.map((fact) => fact.kind !== "Checklist" || fact.id === undefined || fact.annual || extended.has(fact.id));
}

/**
 * Whether sharded results can stand for the project as a whole, as far as the facts tell: no `metadata.id` is
 * defined twice (a duplicate across two shards would go unseen by both).
 *
 * @example
 * shardsAreSound([{ kind: "Checklist", id: "cn", extends: [], annual: false }, { kind: "Checklist", id: "cn", extends: [], annual: false }]); // false
 */
export function shardsAreSound(facts: readonly ShardFacts[]): boolean {
  const seen = new Set<string>();
  for (const fact of facts) {
    if (fact.id === undefined) continue;
    if (seen.has(fact.id)) return false;
    seen.add(fact.id);
  }
  return true;
}

/** What {@link checkShard} returns: the findings about the shard's own files, and whether they can be trusted. */
export interface ShardResult {
  /** Findings about the shard's own files, sorted by place. */
  diagnostics: Diagnostic[];
  /** False when a finding may depend on documents the shard lacks: the project must then be checked whole. */
  sound: boolean;
}

/**
 * Checks one shard: `documents` are the shard's own documents and every shared one (see {@link sharedDocuments}),
 * in the project's order; the findings kept are those about the files in `own`. With every shard sound and
 * {@link shardsAreSound} true, the shards' findings together are exactly what checking the whole project finds.
 *
 * @example
 * const { diagnostics, sound } = checkShard(documents, { own: new Set(["checklists/cities/qd.yaml"]), today: "2026-06-30" });
 */
export function checkShard(
  documents: readonly SourceDocument[],
  options: CheckOptions & { own: ReadonlySet<string>; structural?: ReadonlyMap<SourceDocument, readonly Diagnostic[]> },
): ShardResult {
  const { own, ...check } = options;
  const checked = checkAndResolve(documents, { ...check, origins: false, scope: (file) => own.has(file) });
  let sound = true;
  const diagnostics = checked.diagnostics.filter((diagnostic) => {
    if (diagnostic.file === undefined) {
      sound = false;
      return false;
    }
    if (CROSS_FILE_CODES.has(diagnostic.code)) sound = false;
    return own.has(diagnostic.file);
  });
  return { diagnostics, sound };
}

function member(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
