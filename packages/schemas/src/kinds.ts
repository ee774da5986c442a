import type {
  ChecklistDocument,
  DepartmentRegistryDocument,
  EvaluationDocument,
  ItemCatalogDocument,
  ProgressDocument,
  TaxonomyDocument,
} from "./types.js";

/** The `apiVersion` every document of this standard declares. */
export const API_VERSION = "onething/v1";

/** Every document kind of the standard, in the order of docs/data-standard.md. */
export const DOCUMENT_KINDS = [
  "Taxonomy",
  "DepartmentRegistry",
  "ItemCatalog",
  "Checklist",
  "Progress",
  "Evaluation",
] as const;

/** The `kind` of a document. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Whether a value is one of the {@link DOCUMENT_KINDS}.
 *
 * @example
 * isDocumentKind("Checklist"); // true
 * isDocumentKind("checklist"); // false: kinds are case-sensitive
 */
export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === "string" && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** The schema file of each kind, relative to `schemas/v1/` (and to the package's `./v1/` export). */
export const SCHEMA_FILES: Record<DocumentKind, string> = {
  Taxonomy: "taxonomy.schema.json",
  DepartmentRegistry: "department-registry.schema.json",
  ItemCatalog: "item-catalog.schema.json",
  Checklist: "checklist.schema.json",
  Progress: "progress.schema.json",
  Evaluation: "evaluation.schema.json",
};

/** The generated document type of each kind. */
interface DocumentTypes {
  Taxonomy: TaxonomyDocument;
  DepartmentRegistry: DepartmentRegistryDocument;
  ItemCatalog: ItemCatalogDocument;
  Checklist: ChecklistDocument;
  Progress: ProgressDocument;
  Evaluation: EvaluationDocument;
}

/** The generated document type of a kind, e.g. `DocumentOfKind<"Checklist">` is `ChecklistDocument`. */
export type DocumentOfKind<K extends DocumentKind> = DocumentTypes[K];
