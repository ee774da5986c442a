import { joinPointer } from "../format.js";
import { batchKey } from "../project-index.js";
import { hasAnnualBatches } from "../rule-helpers.js";
import { defineRule } from "../types.js";

/** Every batch a matter lists has an annual checklist of that batch. */
export const unknownBatch = defineRule({
  meta: {
    id: "unknown-batch",
    severity: "error",
    description: {
      zh: "一件事所列的批次（batches）必须有对应批次的年度清单。",
      en: "Every batch a matter lists (batches) has an annual checklist of that batch.",
    },
    messages: {
      unknown: { zh: "没有 {year} 年度第 {seq} 批的年度清单", en: "No annual checklist is of the batch {year} no. {seq}" },
    },
    hint: { zh: "检查年份和批次号，或添加该批次的年度清单（scope: annual）。", en: "Check the year and the sequence number, or add the batch's annual checklist (scope: annual)." },
  },
  check(context) {
    const { index } = context;
    if (!hasAnnualBatches(index)) return;
    for (const matter of index.matters) {
      (matter.value.batches ?? []).forEach((batch, position) => {
        const key = batchKey(batch);
        if (index.annualBatches.has(key) || index.incomplete.batches.has(key)) return;
        context.report({
          messageId: "unknown",
          data: { year: batch.year, seq: batch.seq },
          document: matter.document,
          pointer: joinPointer(matter.pointer, "batches", position),
          part: "value",
        });
      });
    }
  },
});
