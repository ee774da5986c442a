/** A text in Chinese and, where known, English. */
export interface LocalizedText {
  /** The Chinese text. */
  zh: string;
  /** The English text, when known. */
  en?: string;
}

/** The kinds of documents the data holds. */
export type DocumentKind = "Taxonomy" | "DepartmentRegistry" | "ItemCatalog" | "Checklist" | "Progress" | "Evaluation";

/** One document of the published data. */
export interface ChecklistEntry {
  /** `metadata.id`, stable forever. */
  id: string;
  /** The document kind. */
  kind: DocumentKind;
  /** `metadata.title`. */
  title: LocalizedText;
  /** `metadata.version`, a semantic version raised with every change of the document. */
  version: string;
  /** The YAML file, relative to the package's `yaml/` folder: import it as `@onething/checklists/yaml/<path>`. */
  path: string;
  /** For a Checklist: its resolved JSON, relative to the package (`resolved/<id>.json`). */
  resolved?: string;
}

/** One matter of a resolved checklist: the matter's fields, plus where each comes from. */
export interface ResolvedMatter {
  /** The matter's id. */
  id: string;
  /** The matter's name. */
  name: LocalizedText;
  /** Set when a list in the chain marked the matter not applicable locally. */
  notApplicable?: { reason: LocalizedText; basis?: unknown; origin?: string };
  /** The checklist and "file:line" (relative to `yaml/`) that define the matter. */
  definedIn?: { checklist: string; at: string };
  /** "file:line" (relative to `yaml/`) per field path (`name`, `owners`, `metrics.trips`, …). */
  origin?: Record<string, string>;
  /** The other fields of the matter (data standard v1). */
  [field: string]: unknown;
}

/** A checklist after its `extends`, `patches` and `notApplicable` are applied. */
export interface ResolvedChecklist {
  /** `metadata.id`. */
  id: string;
  /** `metadata.title`. */
  title: LocalizedText;
  /** `metadata.version`. */
  version: string;
  /** `metadata.jurisdiction`, when declared. */
  jurisdiction?: { level: string; division?: string; [field: string]: unknown };
  /** Every checklist it builds on, bases first, ending with this one. */
  chain: string[];
  /** The number of effective matters. */
  count: number;
  /** The effective matters in list order, with provenance. */
  matters: ResolvedMatter[];
}

/** Every document of the published data, sorted by path. */
export declare const checklists: readonly ChecklistEntry[];

/**
 * The resolved form of the Checklist `id` (the JSON in `resolved/<id>.json`), or undefined when the data has
 * no Checklist with that id.
 */
export declare function loadResolved(id: string): Promise<ResolvedChecklist | undefined>;
