import type { SourceDocument } from "@onething/schemas";
import { findNearest } from "../edit-distance.js";
import { joinPointer } from "../format.js";
import { hasKind, isKnownDepartment, matterLikes } from "../rule-helpers.js";
import { defineRule, type RuleContext } from "../types.js";

function checkRef(options: { context: RuleContext; id: string | undefined; document: SourceDocument; pointer: string }): void {
  const { context, id } = options;
  if (id === undefined || isKnownDepartment(context.index, id)) return;
  const suggestion = findNearest(id, context.index.departments.keys());
  context.report({
    messageId: "unknown",
    data: { id, suggestion: suggestion ?? "" },
    document: options.document,
    pointer: options.pointer,
    part: "value",
    ...(suggestion ? { hintId: "didYouMean" } : {}),
  });
}

/** Every department reference (owners, steps, an item's department, a department's parent) names a department of the registry. */
export const unknownDepartment = defineRule({
  meta: {
    id: "unknown-department",
    severity: "error",
    description: {
      zh: "引用的部门（牵头、配合、环节、事项主管、上级部门）必须在部门名录中定义。",
      en: "Every referenced department (lead, partners, steps, an item's department, a parent) is defined in a department registry.",
    },
    messages: {
      unknown: { zh: "部门 {id} 未在部门名录中定义", en: "The department {id} is not defined in any department registry" },
      didYouMean: { zh: "是否想写 {suggestion}？", en: "Did you mean {suggestion}?" },
    },
    hint: { zh: "在部门名录（DepartmentRegistry）中添加该部门，或改用已有的部门标识。", en: "Add the department to a DepartmentRegistry, or use an existing department id." },
  },
  check(context) {
    const { index } = context;
    if (!hasKind(index, "DepartmentRegistry")) return;
    for (const matter of matterLikes(index)) {
      const { owners, steps } = matter.value;
      const document = matter.document;
      if (owners) {
        checkRef({ context, id: owners.lead, document, pointer: joinPointer(matter.pointer, "owners", "lead") });
        (owners.partners ?? []).forEach((partner, position) =>
          checkRef({ context, id: partner, document, pointer: joinPointer(matter.pointer, "owners", "partners", position) }),
        );
      }
      (steps ?? []).forEach((step, position) =>
        checkRef({ context, id: step.department, document, pointer: joinPointer(matter.pointer, "steps", position, "department") }),
      );
    }
    for (const definitions of index.items.values()) {
      for (const item of definitions) {
        checkRef({ context, id: item.value.department, document: item.document, pointer: joinPointer(item.pointer, "department") });
      }
    }
    for (const definitions of index.departments.values()) {
      for (const department of definitions) {
        checkRef({ context, id: department.value.parent, document: department.document, pointer: joinPointer(department.pointer, "parent") });
      }
    }
  },
});
