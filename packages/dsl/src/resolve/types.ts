import type {
  Diagnostic,
  Jurisdiction,
  LocalizedText,
  Matter,
  NotApplicableEntry,
  SourceRange,
} from "@onething/schemas";

/** Where an effective value came from: the document, file and node that set it. */
export interface Provenance {
  /** `metadata.id` of the checklist that set the value. */
  checklist: string;
  /** Project-relative path of that checklist's file. */
  file: string;
  /** JSON Pointer of the node that set the value (a matter field, or a patch's `set` field). */
  pointer: string;
  /** The span of that node's key, for file:line. */
  range?: SourceRange;
  /** The jurisdiction level of the checklist (national, provincial, …), when it declares one. */
  level?: Jurisdiction["level"];
  /** How the value arrived: defined by the matter itself, or changed by a patch. */
  via: "definition" | "patch";
}

/** A matter of an effective list: its values after every base and patch, and where each came from. */
export interface ResolvedMatter {
  /** The matter's id (stable across the chain). */
  id: string;
  /** The effective matter: the definition with every patch applied. */
  value: Matter;
  /** Provenance of the definition (the matter entry in the checklist that defines it). */
  definedIn: Provenance;
  /**
   * Provenance per field, keyed by field path: a top-level field (`name`, `owners`, `items`, …) or, for the
   * objects patched member by member (`metrics`, `oneStop`, `smart`), `metrics.trips` and the like.
   */
  origin: Record<string, Provenance>;
  /** Set when a list in the chain marked the matter not applicable locally. */
  notApplicable?: { reason: LocalizedText; basis?: NotApplicableEntry["basis"]; origin: Provenance };
}

/** A checklist resolved over its bases: the list a jurisdiction actually runs. */
export interface ResolvedChecklist {
  /** `metadata.id` of the checklist. */
  id: string;
  /** `metadata.title`. */
  title: LocalizedText;
  /** `metadata.version`. */
  version: string;
  /** `metadata.jurisdiction`, when declared. */
  jurisdiction?: Jurisdiction;
  /** Project-relative path of the checklist's file. */
  file: string;
  /** Every checklist this one builds on, bases first, ending with this one's id. */
  chain: string[];
  /** The effective matters: the bases' (in `extends` order, after select / exclude), then this list's own. */
  matters: ResolvedMatter[];
}

/** What resolving one checklist gives. */
export interface ResolveResult {
  /** The effective list; absent when the id names no checklist. */
  checklist?: ResolvedChecklist;
  /** Findings made while resolving (cycles, weakened locks, base matters left unaccounted for). */
  diagnostics: Diagnostic[];
}
