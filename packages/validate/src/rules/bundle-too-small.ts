import { joinPointer } from "../format.js";
import type { Matter } from "../model.js";
import type { ProjectIndex } from "../project-index.js";
import { defineRule } from "../types.js";

/**
 * The one department all of a matter's items (by their catalogue entries) and owners belong to; undefined when
 * they belong to several, or an item is not in the catalogue. Only called for a matter with at least two items;
 * compares each department with the first instead of collecting them into a set for every matter.
 */
function soleDepartment(index: ProjectIndex, matter: Matter): string | undefined {
  const items = matter.items ?? [];
  let only: string | undefined;
  for (let at = 0; at < items.length; at++) {
    const item = items[at];
    const definition = item === undefined ? undefined : index.items.get(item.ref)?.[0];
    if (!definition) return undefined;
    const { department } = definition.value;
    if (at === 0) only = department;
    else if (department !== only) return undefined;
  }
  const { owners } = matter;
  if (owners) {
    if (owners.lead !== only) return undefined;
    for (const partner of owners.partners ?? []) if (partner !== only) return undefined;
  }
  return only;
}

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
      if (items.length < 2) {
        context.report({ messageId: "tooFewItems", data: { matter: matter.value.id, count: items.length }, document: matter.document, pointer: joinPointer(matter.pointer, "items") });
        continue;
      }
      const only = soleDepartment(index, matter.value);
      if (only !== undefined) {
        context.report({ messageId: "singleDepartment", data: { matter: matter.value.id, department: only }, document: matter.document, pointer: joinPointer(matter.pointer, "items") });
      }
    }
  },
});
