import { joinPointer } from "../format.js";
import { defineRule } from "../types.js";

/** A matter of an annual checklist that lists its batches includes the checklist's batch. */
export const annualBatchMismatch = defineRule({
  meta: {
    id: "annual-batch-mismatch",
    severity: "error",
    description: {
      zh: "年度清单中的一件事若列出 batches，须包含该清单的批次。",
      en: "A matter of an annual checklist that lists batches includes the checklist's own batch.",
    },
    messages: {
      missing: { zh: "一件事 {id} 在 {year} 年度第 {seq} 批清单中，但其 batches 不含该批次", en: "The matter {id} is in the annual list of batch {year} no. {seq}, but its batches omit that batch" },
    },
    hint: { zh: "在 batches 中加入 { year: {year}, seq: {seq} }，或把它移到正确的批次清单。", en: "Add { year: {year}, seq: {seq} } to batches, or move the matter to the right batch's list." },
  },
  check(context) {
    for (const matter of context.index.matters) {
      const { scope, batch } = matter.checklist.value.spec;
      const batches = matter.value.batches;
      if (scope !== "annual" || !batch || !batches) continue;
      if (batches.some((entry) => entry.year === batch.year && entry.seq === batch.seq)) continue;
      context.report({
        messageId: "missing",
        data: { id: matter.value.id, year: batch.year, seq: batch.seq },
        document: matter.document,
        pointer: joinPointer(matter.pointer, "batches"),
      });
    }
  },
});
