import type { SourceDocument } from "@onething/schemas";
import { joinPointer } from "../format.js";
import { checkReference } from "../rule-helpers.js";
import { defineRule, type RuleContext } from "../types.js";

function checkRef(options: { context: RuleContext; id: string; document: SourceDocument; pointer: string }): void {
  const { context, id, document, pointer } = options;
  const { index } = context;
  checkReference({
    context,
    reference: { id, document, pointer },
    known: (candidate) => index.checklistsById.has(candidate) || index.incomplete.metadataIds.has(candidate),
    candidates: index.checklistsById.keys(),
  });
}

/** The checklist a Progress ledger ticks off, and each Evaluation result's checklist, exist in the project. */
export const unknownChecklist = defineRule({
  meta: {
    id: "unknown-checklist",
    severity: "error",
    description: {
      zh: "进度台账（Progress）对账的清单、评价结果（Evaluation）所属的清单必须存在。",
      en: "The checklist a Progress ledger ticks off, and the checklist of each Evaluation result, exist in the project.",
    },
    messages: {
      unknown: { zh: "没有标识为 {id} 的清单", en: "No checklist has the id {id}" },
      didYouMean: { zh: "是否想写 {suggestion}？", en: "Did you mean {suggestion}?" },
    },
    hint: { zh: "写上所对应清单的 metadata.id。", en: "Write the metadata.id of the checklist." },
  },
  check(context) {
    for (const ledger of context.index.progress) {
      checkRef({ context, id: ledger.value.spec.checklist.id, document: ledger.document, pointer: "/spec/checklist/id" });
    }
    for (const evaluation of context.index.evaluations) {
      evaluation.value.spec.results.forEach((result, position) =>
        checkRef({ context, id: result.checklist, document: evaluation.document, pointer: joinPointer("/spec/results", position, "checklist") }),
      );
    }
  },
});
