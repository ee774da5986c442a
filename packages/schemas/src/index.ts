export type {
  Diagnostic,
  LocalizedMessage,
  Position,
  RelatedLocation,
  Severity,
  SourceDocument,
  SourceRange,
} from "./diagnostic.js";
export { SEVERITIES } from "./diagnostic.js";
export type * from "./types.js";
export {
  API_VERSION,
  DOCUMENT_KINDS,
  SCHEMA_FILES,
  isDocumentKind,
  type DocumentKind,
  type DocumentOfKind,
} from "./kinds.js";
export { MERGED_MEMBERS, isMergedField, type MergedField } from "./merged-fields.js";
export { validateStructure, type StructuralError } from "./validate-structure.js";
