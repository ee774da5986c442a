import { findNearest } from "../edit-distance.js";
import { joinPointer } from "../format.js";
import { defineRule } from "../types.js";

/** Every `extends[].checklist` names a Checklist of the project. */
export const unknownBase = defineRule({
  meta: {
    id: "unknown-base",
    severity: "error",
    description: {
      zh: "extends 中的 checklist 必须是项目中某个清单（Checklist）的标识。",
      en: "Every extends[].checklist is the id of a Checklist of the project.",
    },
    messages: {
      unknown: { zh: "没有标识为 {id} 的清单", en: "No checklist has the id {id}" },
      notChecklist: { zh: "{id} 是 {kind} 文档，不是清单", en: "{id} is a {kind} document, not a Checklist" },
      didYouMean: { zh: "是否想写 {suggestion}？", en: "Did you mean {suggestion}?" },
    },
    hint: { zh: "写上被继承清单的 metadata.id。", en: "Write the metadata.id of the checklist to extend." },
  },
  check(context) {
    const { index } = context;
    for (const checklist of index.checklists) {
      (checklist.value.spec.extends ?? []).forEach((base, position) => {
        const id = base.checklist;
        if (index.checklistsById.has(id) || index.incomplete.metadataIds.has(id)) return;
        const other = index.metadataIds.get(id)?.[0];
        const suggestion = other ? undefined : findNearest(id, index.checklistsById.keys());
        context.report({
          messageId: other ? "notChecklist" : "unknown",
          data: { id, kind: other?.value.kind ?? "", suggestion: suggestion ?? "" },
          document: checklist.document,
          pointer: joinPointer("/spec/extends", position, "checklist"),
          part: "value",
          ...(suggestion ? { hintId: "didYouMean" } : {}),
        });
      });
    }
  },
});
