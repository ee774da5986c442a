import type { SourceDocument } from "@onething/schemas";
import { joinPointer } from "../format.js";
import { collectMatterIds } from "../project-index.js";
import { checkReference } from "../rule-helpers.js";
import { defineRule, type RuleContext } from "../types.js";

type IdCache = Map<string, Set<string> | undefined>;

function checkRef(options: { context: RuleContext; cache: IdCache; checklistId: string; matter: string; document: SourceDocument; pointer: string; formerIds?: boolean }): void {
  const { context, cache, checklistId, matter } = options;
  const formerIds = options.formerIds === true;
  const key = `${formerIds ? "former:" : ""}${checklistId}`;
  if (!cache.has(key)) cache.set(key, collectMatterIds(context.index, checklistId, { formerIds }));
  const ids = cache.get(key);
  if (!ids) return;
  checkReference({
    context,
    reference: { id: matter, document: options.document, pointer: options.pointer },
    known: (id) => ids.has(id),
    candidates: ids,
    data: { matter, checklist: checklistId },
  });
}

/**
 * Every matter named by notApplicable, patches, extends select/exclude, Progress entries and Evaluation
 * results exists in the referenced checklist. Ledgers and evaluations may still use a matter's former id
 * (they outlive a list version); reconcile maps those through `formerIds`.
 */
export const unknownMatter = defineRule({
  meta: {
    id: "unknown-matter",
    severity: "error",
    description: {
      zh: "notApplicable、patches、extends 的 select/exclude、进度条目和评价结果所指的一件事，必须存在于所引用的清单（含其继承的清单）中；进度条目和评价结果可以使用曾用标识（formerIds）。",
      en: "Every matter named by notApplicable, patches, extends select/exclude, Progress entries and Evaluation results exists in the referenced checklist (or the lists it extends); Progress entries and Evaluation results may use a former id (formerIds).",
    },
    messages: {
      unknown: { zh: "清单 {checklist} 中没有一件事 {matter}", en: "The checklist {checklist} has no matter {matter}" },
      didYouMean: { zh: "是否想写 {suggestion}？", en: "Did you mean {suggestion}?" },
    },
    hint: { zh: "按标识（id）引用一件事，不要用名称或序号；检查拼写。", en: "Name the matter by its id (not its name or position); check the spelling." },
  },
  check(context) {
    const { index } = context;
    const cache = new Map<string, Set<string> | undefined>();
    for (const checklist of index.checklists) {
      const { spec } = checklist.value;
      const document = checklist.document;
      (spec.extends ?? []).forEach((base, position) => {
        for (const field of ["select", "exclude"] as const) {
          (base[field] ?? []).forEach((matter, at) =>
            checkRef({ context, cache, checklistId: base.checklist, matter, document, pointer: joinPointer("/spec/extends", position, field, at) }),
          );
        }
      });
      (spec.notApplicable ?? []).forEach((entry, position) =>
        checkRef({ context, cache, checklistId: checklist.id, matter: entry.matter, document, pointer: joinPointer("/spec/notApplicable", position, "matter") }),
      );
      (spec.patches ?? []).forEach((patch, position) =>
        checkRef({ context, cache, checklistId: checklist.id, matter: patch.matter, document, pointer: joinPointer("/spec/patches", position, "matter") }),
      );
    }
    for (const ledger of index.progress) {
      ledger.value.spec.entries.forEach((entry, position) =>
        checkRef({ context, cache, checklistId: ledger.value.spec.checklist.id, matter: entry.matter, document: ledger.document, pointer: joinPointer("/spec/entries", position, "matter"), formerIds: true }),
      );
    }
    for (const evaluation of index.evaluations) {
      evaluation.value.spec.results.forEach((result, position) =>
        checkRef({ context, cache, checklistId: result.checklist, matter: result.matter, document: evaluation.document, pointer: joinPointer("/spec/results", position, "matter"), formerIds: true }),
      );
    }
  },
});
