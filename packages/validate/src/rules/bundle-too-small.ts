import { joinPointer } from "../format.js";
import { defineRule } from "../types.js";

/** A matter that lists its items bundles at least two, from more than one department. */
export const bundleTooSmall = defineRule({
  meta: {
    id: "bundle-too-small",
    severity: "warning",
    description: {
      zh: "列出了事项的一件事应至少包含两个事项，且涉及不止一个部门；否则它还不是“一件事”，或数据不完整。",
      en: "A matter that lists its items bundles at least two, from more than one department; otherwise it is not yet a bundle, or its data is incomplete.",
    },
    messages: {
      tooFewItems: { zh: "一件事 {matter} 只包含 {count} 个事项", en: "The matter {matter} bundles only {count} item(s)" },
      singleDepartment: { zh: "一件事 {matter} 的事项和责任部门都只涉及 {department}", en: "All items and owners of the matter {matter} belong to one department, {department}" },
    },
    hint: { zh: "补全所含事项和配合部门，或确认它是否真是跨部门的“一件事”。", en: "Complete the bundled items and partner departments, or reconsider whether this is a cross-department matter." },
  },
  check(context) {
    const { index } = context;
    for (const matter of index.matters) {
      const { items, owners } = matter.value;
      if (!items) continue;
      const pointer = joinPointer(matter.pointer, "items");
      if (items.length < 2) {
        context.report({ messageId: "tooFewItems", data: { matter: matter.value.id, count: items.length }, document: matter.document, pointer });
        continue;
      }
      const departments = new Set<string>();
      let resolved = true;
      for (const item of items) {
        const definition = index.items.get(item.ref)?.[0];
        if (definition) departments.add(definition.value.department);
        else resolved = false;
      }
      if (owners) {
        departments.add(owners.lead);
        for (const partner of owners.partners ?? []) departments.add(partner);
      }
      const [only] = departments;
      if (resolved && departments.size === 1 && only !== undefined) {
        context.report({ messageId: "singleDepartment", data: { matter: matter.value.id, department: only }, document: matter.document, pointer });
      }
    }
  },
});
