import type { ProjectIndex } from "../project-index.js";
import type { ReferenceWalk } from "../rule-helpers.js";
import { hasAnnualBatches, hasKind, walkBatchReferences, walkDepartmentReferences, walkItemReferences, walkStageReferences } from "../rule-helpers.js";
import { defineRule } from "../types.js";

/** Each kind of reference data, when it is missing, and the references that need it. */
const REFERENCE_DATA: ReadonlyArray<{ messageId: string; missing: (index: ProjectIndex) => boolean; walk: ReferenceWalk }> = [
  { messageId: "departments", missing: (index) => !hasKind(index, "DepartmentRegistry"), walk: walkDepartmentReferences },
  { messageId: "items", missing: (index) => !hasKind(index, "ItemCatalog"), walk: walkItemReferences },
  { messageId: "stages", missing: (index) => !hasKind(index, "Taxonomy"), walk: walkStageReferences },
  { messageId: "batches", missing: (index) => !hasAnnualBatches(index), walk: walkBatchReferences },
];

/**
 * Says, once per document and kind of reference data, that references were left unchecked because the
 * project holds no department registry, item catalogue, taxonomy or annual list (a single file validated
 * on its own, say), so that silence is never mistaken for a clean result.
 */
export const referencesUnchecked = defineRule({
  meta: {
    id: "references-unchecked",
    severity: "info",
    description: {
      zh: "项目中没有部门名录、事项目录、分类或年度清单时，相应的引用无法检查；每个文件每类只提示一次，位置在第一处未检查的引用。",
      en: "When the project holds no department registry, item catalogue, taxonomy or annual list, the references to them cannot be checked; said once per file and kind, at the first unchecked reference.",
    },
    messages: {
      departments: {
        zh: "未加载部门名录（DepartmentRegistry），本文件中的部门引用未检查",
        en: "No department registry (DepartmentRegistry) is loaded, so the department references of this file were not checked",
      },
      items: {
        zh: "未加载事项目录（ItemCatalog），本文件中的事项引用未检查",
        en: "No item catalogue (ItemCatalog) is loaded, so the item references of this file were not checked",
      },
      stages: {
        zh: "未加载分类（Taxonomy），本文件中一件事的阶段（stage）未检查",
        en: "No taxonomy (Taxonomy) is loaded, so the stages of the matters of this file were not checked",
      },
      batches: {
        zh: "未加载年度清单（scope: annual），本文件中的批次（batches）未检查",
        en: "No annual checklist (scope: annual) is loaded, so the batches of this file were not checked",
      },
    },
    hint: {
      zh: "校验整个清单文件夹（如 onething validate checklists/），名录、目录和分类会一并加载。",
      en: "Validate the whole folder (onething validate checklists/, say) so that the registry, catalogue and taxonomy are loaded too.",
    },
  },
  check(context) {
    const { index } = context;
    for (const data of REFERENCE_DATA) {
      if (!data.missing(index)) continue;
      const reported = new Set<string>();
      data.walk(index, {
        select: (_id, document) => !reported.has(document.path),
        use: (reference) => {
          reported.add(reference.document.path);
          context.report({ messageId: data.messageId, document: reference.document, pointer: reference.pointer, part: "value" });
        },
      });
    }
  },
});
