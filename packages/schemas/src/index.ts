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
