export { DSL_DIAGNOSTICS, createDiagnostic } from "./diagnostic-codes.js";
export type { DiagnosticCodeInfo, DiagnosticFields, DslDiagnosticCode } from "./diagnostic-codes.js";
export { findPointer, findSpan } from "./locate.js";
export type { FindSpanOptions, NodePart, Span } from "./locate.js";
export { DEFAULT_MAX_ALIAS_COUNT, DEFAULT_MAX_BYTES, fileTooLarge, parseSource } from "./parse.js";
export type { ParseOptions, ParseResult, ParsedDocument } from "./parse.js";
export { escapePointerSegment, parsePointer } from "./pointer.js";
