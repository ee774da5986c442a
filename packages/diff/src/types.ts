import type { LocalizedMessage } from "@onething/schemas";

/** How a change affects the systems that consume the data. */
export type ChangeClass = "breaking" | "potentially-breaking" | "non-breaking";

/** The semantic-version part a change calls for. */
export type SemverImpact = "major" | "minor" | "patch";

/** The bump a whole diff calls for: the largest impact of its changes, `none` when nothing changed. */
export type DiffImpact = SemverImpact | "none";

/** The stable ids of the change kinds (`Change.check`). */
export type ChangeCheck =
  | "document-added"
  | "document-removed"
  | "matter-added"
  | "matter-removed"
  | "matter-renamed"
  | "matter-possibly-renamed"
  | "item-added"
  | "item-removed"
  | "item-possibly-renamed"
  | "material-added"
  | "material-removed"
  | "material-possibly-renamed"
  | "department-added"
  | "department-removed"
  | "department-possibly-renamed"
  | "owner-changed"
  | "metric-changed"
  | "status-changed"
  | "batch-membership-changed"
  | "field-changed"
  | "text-changed";

/** A place in one version of a file: 1-based line and column. */
export interface ChangeLocation {
  /** Project-relative path of the file (forward slashes). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column (UTF-16 code units). */
  column: number;
}

/** One semantic change between two versions of the data. */
export interface Change {
  /** The change kind, a stable id such as `matter-removed`. */
  check: ChangeCheck;
  /** How the change affects consumers. */
  class: ChangeClass;
  /** The semantic-version part the change calls for. */
  impact: SemverImpact;
  /** True when a value got worse: a metric's `after` rose, or a status moved backwards. */
  regression?: boolean;
  /** `metadata.id` of the document the change is in. */
  document: string;
  /** The matter (Checklist) or ledger entry (Progress) the change concerns, by its id after the change. */
  matter?: string;
  /** The matter's name, for display. */
  matterName?: LocalizedMessage;
  /** The matter's subject (enterprise, individual, project). */
  subject?: string;
  /** The matter's lifecycle stage id. */
  stage?: string;
  /**
   * A JSON-pointer-like path from the document root to the changed value, with ids in place of list
   * indexes (`/spec/matters/newborn-birth/metrics/trips/after`); absent for a whole document.
   */
  field?: string;
  /** The value before (absent when it was added). */
  before?: unknown;
  /** The value after (absent when it was removed). */
  after?: unknown;
  /** What changed, in Chinese and English, with the field's name (跑动次数 3 → 1). */
  message: LocalizedMessage;
  /** Where the value is in each version; a removal has only `before`, an addition only `after`. */
  locations: { before?: ChangeLocation; after?: ChangeLocation };
  /** A stable hash of check, document, matter and field, to recognise the same change across runs. */
  fingerprint: string;
}

/** A document the diff looked at, for headings. */
export interface DiffDocument {
  /** `metadata.id`. */
  id: string;
  /** The document kind (`Checklist`, …). */
  kind: string;
  /** `metadata.title`, the newer version's when both have one. */
  title?: LocalizedMessage;
  /** Path of the older version, when there is one. */
  before?: string;
  /** Path of the newer version, when there is one. */
  after?: string;
}

/** A lifecycle stage known from a Taxonomy in the input, for headings and ordering. */
export interface DiffStage {
  /** The subject whose lifecycle the stage belongs to. */
  subject: string;
  /** The stage id. */
  id: string;
  /** The stage name. */
  name: LocalizedMessage;
}

/** What `diffDocuments` returns. */
export interface DiffResult {
  /** Every change, grouped by document and in document order. */
  changes: Change[];
  /** The bump the changes call for. */
  impact: DiffImpact;
  /** The documents present on either side, sorted by id. */
  documents: DiffDocument[];
  /** The lifecycle stages of the Taxonomy documents in the input, in lifecycle order. */
  stages: DiffStage[];
}
