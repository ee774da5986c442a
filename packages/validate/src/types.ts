import type { Diagnostic, LocalizedMessage, Severity, SourceDocument } from "@onething/schemas";
import type { ProjectIndex } from "./project-index.js";

/** Options of `validateDocuments`. */
export interface ValidateOptions {
  /** The date overdue checks compare against, `YYYY-MM-DD`; defaults to the current UTC date. */
  today?: string;
  /**
   * Per-code severity overrides (`"off"` drops the code) for rule ids and structural codes; defaults to none. A
   * document with structural findings stays out of the semantic rules even when those codes are overridden.
   */
  rules?: Record<string, Severity | "off">;
}

/** The values a message template's `{placeholders}` are filled from; a localized value fills each language with its own text. */
export type MessageData = Record<string, string | number | LocalizedMessage>;

/** The description, default severity and message templates of a semantic rule. */
export interface RuleMeta {
  /** The rule id, also the diagnostic code and the rule's file name. */
  id: string;
  /** The severity reported unless `ValidateOptions.rules` overrides it. */
  severity: Severity;
  /** One sentence saying what the rule checks. */
  description: LocalizedMessage;
  /** Message templates by message id; `{name}` is replaced by `data.name`. */
  messages: Record<string, LocalizedMessage>;
  /** The default fix hint (a template like the messages); none when absent. */
  hint?: LocalizedMessage;
}

/** A second place a rule points at, such as the first definition of a duplicate id. */
export interface RuleRelated {
  /** The document holding the place. */
  document: SourceDocument;
  /** JSON Pointer to the node. */
  pointer: string;
  /** Whether to point at the key or the value; defaults to the key for object members. */
  part?: "key" | "value";
  /** The message template (a key of `meta.messages`) describing the place. */
  messageId: string;
  /** Values for the template; defaults to the report's data. */
  data?: MessageData;
}

/** What a rule reports through `RuleContext.report`. */
export interface RuleReport {
  /** The message template, a key of the rule's `meta.messages`. */
  messageId: string;
  /** Values for the template's placeholders; defaults to none. */
  data?: MessageData;
  /** The document the finding is in. */
  document: SourceDocument;
  /** JSON Pointer to the offending node. */
  pointer: string;
  /** Whether to point at the key or the value; defaults to the key (the document's `locate` default). */
  part?: "key" | "value";
  /** A message id whose template becomes the hint instead of `meta.hint`; defaults to `meta.hint`. */
  hintId?: string;
  /** Other places that explain the finding; defaults to none. */
  related?: RuleRelated[];
}

/** What a rule sees: the typed project index, the date, and a way to report. */
export interface RuleContext {
  /** Every structurally valid document, indexed by id. */
  index: ProjectIndex;
  /** Today's date, `YYYY-MM-DD`. */
  today: string;
  /** Records one finding of the running rule. */
  report(report: RuleReport): void;
}

/** A finding of the structural pass, with the document it is about, that a rule may give a better hint. */
export interface StructuralFinding {
  /** The finding as the structural pass reported it. */
  diagnostic: Diagnostic;
  /** The document the finding is about; its values may break the schema. */
  document: SourceDocument;
  /** The structurally valid documents of the project, indexed (the Taxonomy, say). */
  index: ProjectIndex;
}

/** The hint a rule gives a structural finding: one of its message templates and the values for it. */
export interface StructuralHint {
  /** The template, a key of the rule's `meta.messages`. */
  messageId: string;
  /** Values for the template's placeholders; defaults to none. */
  data?: MessageData;
}

/** A semantic rule: its meta and a check that reports through the context and never throws. */
export interface Rule {
  /** The rule's id, severity, description and message templates. */
  meta: RuleMeta;
  /** Runs the rule over the project index. */
  check(context: RuleContext): void;
  /**
   * Gives a structural finding that the rule's knowledge explains (a 2022 stage name where a stage id belongs, say) a
   * hint, which replaces the finding's own; undefined leaves the finding as it is. The finding keeps its code, so one
   * problem is reported once. Not called when the rule is turned off. Default: the rule hints nothing.
   */
  hintStructural?(finding: StructuralFinding): StructuralHint | undefined;
}

/**
 * Declares a rule with its types checked; returns it unchanged.
 *
 * @example
 * const noMatters = defineRule({ meta: { id: "no-matters", severity: "warning", description: { zh: "清单没有事项", en: "A checklist lists no matters" }, messages: { empty: { zh: "清单 {id} 没有事项", en: "The checklist {id} lists no matters" } } },
 *   check: (context) => { for (const list of context.index.checklists) if (list.matters.size === 0) context.report({ messageId: "empty", data: { id: list.id }, document: list.document, pointer: "/spec/matters" }); },
 * });
 */
export function defineRule(rule: Rule): Rule {
  return rule;
}
