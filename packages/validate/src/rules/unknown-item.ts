import { checkReference, hasKind, walkItemReferences } from "../rule-helpers.js";
import { defineRule } from "../types.js";

/** Every item a matter bundles names an item of the catalogue. */
export const unknownItem = defineRule({
  meta: {
    id: "unknown-item",
    severity: "error",
    description: {
      zh: "一件事所含的事项（items[].ref）必须在事项目录中定义。",
      en: "Every item a matter bundles (items[].ref) is defined in an item catalogue.",
    },
    messages: {
      unknown: { zh: "事项 {id} 未在事项目录中定义", en: "The item {id} is not defined in any item catalogue" },
      didYouMean: { zh: "是否想写 {suggestion}？", en: "Did you mean {suggestion}?" },
    },
    hint: { zh: "在事项目录（ItemCatalog）中添加该事项，或改用已有的事项标识。", en: "Add the item to an ItemCatalog, or use an existing item id." },
  },
  check(context) {
    const { index } = context;
    if (!hasKind(index, "ItemCatalog")) return;
    const known = (id: string) => index.items.has(id) || index.incomplete.items.has(id);
    walkItemReferences(index, {
      select: (id) => !known(id),
      use: (reference) => checkReference({ context, reference, known, candidates: index.items.keys() }),
    });
  },
});
