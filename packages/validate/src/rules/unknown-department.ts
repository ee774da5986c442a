import { checkReference, hasKind, isKnownDepartment, walkDepartmentReferences } from "../rule-helpers.js";
import { defineRule } from "../types.js";

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
    const known = (id: string) => isKnownDepartment(index, id);
    walkDepartmentReferences(index, {
      select: (id) => !known(id),
      use: (reference) => checkReference({ context, reference, known, candidates: index.departments.keys() }),
    });
  },
});
