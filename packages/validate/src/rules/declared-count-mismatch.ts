import { defineRule } from "../types.js";

/** A checklist that extends no other has as many matters as its source declares. */
export const declaredCountMismatch = defineRule({
  meta: {
    id: "declared-count-mismatch",
    severity: "info",
    description: {
      zh: "不继承其他清单的清单，其一件事的条数应等于来源文件公布的数量（declaredCount）。",
      en: "A checklist that extends no other lists as many matters as its source declares (declaredCount).",
    },
    messages: {
      mismatch: { zh: "来源公布 {declared} 件，清单中有 {count} 件", en: "The source declares {declared} matters; the checklist lists {count}" },
    },
    hint: { zh: "补全缺少的一件事，或更正 declaredCount。", en: "Add the missing matters, or correct declaredCount." },
  },
  check(context) {
    for (const checklist of context.index.checklists) {
      const { declaredCount, extends: bases, matters } = checklist.value.spec;
      if (declaredCount === undefined || (bases !== undefined && bases.length > 0) || declaredCount === matters.length) continue;
      context.report({
        messageId: "mismatch",
        data: { declared: declaredCount, count: matters.length },
        document: checklist.document,
        pointer: "/spec/declaredCount",
        part: "value",
      });
    }
  },
});
