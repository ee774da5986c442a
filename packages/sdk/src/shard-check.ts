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
  extends: readonly string[];
  /** Whether the document is a checklist that may define a batch: an annual list, or any with a `spec.batch`. */
  batch: boolean;
  /** The checklists a ledger or an evaluation names (`spec.checklist.id`, `spec.results[].checklist`). */
  names: readonly string[];
}

/**
 * The codes whose findings can depend on the leaves outside a shard: `unknown-base` and `unknown-checklist`
 * suggest the nearest of every checklist id. A shard reporting one of these (or a finding about no file, such as
 * a crashed rule) cannot stand for the whole project. Every other rule looks only at what every shard holds:
 * departments, items, stages and batches are defined in registries, catalogues, taxonomies and lists with a
 * batch; a list's matters in its own chain, and a ledger's or an evaluation's in the lists they name (shared);
 * duplicates are found within one document or among shared ones (duplicated `metadata.id`s are caught by
 * {@link shardsAreSound}). Turned off, these codes report nothing either way, so the shards still agree.
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
  const ledger = member(member(spec, "checklist"), "id");
  const results = member(spec, "results");
  const names = [
    ...(typeof ledger === "string" ? [ledger] : []),
    ...(Array.isArray(results) ? results.map((result) => member(result, "checklist")).filter((id): id is string => typeof id === "string") : []),
  ];
  // As the project index reads batches: an annual list's, and any checklist's `spec.batch` when it is invalid.
  const batch = document.kind === "Checklist" && (member(spec, "scope") === "annual" || member(spec, "batch") !== undefined);
  return { kind: document.kind, id: document.id, extends: extendsIds, batch, names };
}

/**
 * Which documents every shard must hold whole: everything but the leaves, the checklists that no document
 * extends or names (in a ledger or an evaluation) and that define no batch. Registries, catalogues, taxonomies,
 * ledgers, evaluations, annual lists and the lists others build on or report on are what a leaf's findings depend
 * on; a leaf's findings depend on no other leaf, except through the codes of {@link CROSS_FILE_CODES} and
 * duplicated `metadata.id`s, which {@link checkShard} and {@link shardsAreSound} detect.
 *
 * @example
 * const list = { kind: "Checklist", batch: false, names: [] } as const;
 * sharedDocuments([{ ...list, id: "cn", extends: [] }, { ...list, id: "cn.sd", extends: ["cn"] }]); // [true, false]
 */
export function sharedDocuments(facts: readonly ShardFacts[]): boolean[] {
  const needed = new Set(facts.flatMap((fact) => [...fact.extends, ...fact.names]));
  return facts.map((fact) => fact.kind !== "Checklist" || fact.id === undefined || fact.batch || needed.has(fact.id));
}

/**
 * Whether sharded results can stand for the project as a whole, as far as the facts tell: no `metadata.id` is
 * defined twice (a duplicate across two shards would go unseen by both).
 *
 * @example
 * const list = { kind: "Checklist", id: "cn", extends: [], batch: false, names: [] } as const;
 * shardsAreSound([list, list]); // false
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
