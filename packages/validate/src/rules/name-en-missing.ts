import type { SourceDocument } from "@onething/schemas";
import { joinPointer } from "../format.js";
import type { LocalizedText } from "../model.js";
import { defineRule, type RuleContext } from "../types.js";

function hasEnglishName(name: LocalizedText): boolean {
  return name.en !== undefined && name.en.trim() !== "";
}

function reportName(options: { context: RuleContext; what: string; id: string; name: LocalizedText; document: SourceDocument; pointer: string }): void {
  const { name } = options;
  options.context.report({
    messageId: options.what,
    data: { id: options.id, zh: name.zh },
    document: options.document,
    pointer: joinPointer(options.pointer, "name"),
  });
}

/** Matters, items, departments and stages have an English name. */
export const nameEnMissing = defineRule({
  meta: {
    id: "name-en-missing",
    severity: "info",
    description: {
      zh: "一件事、事项、部门和阶段应有英文名称（name.en）。",
      en: "Matters, items, departments and stages have an English name (name.en).",
    },
    messages: {
      matter: { zh: "一件事 {id}（{zh}）没有英文名称", en: "The matter {id} ({zh}) has no English name" },
      item: { zh: "事项 {id}（{zh}）没有英文名称", en: "The item {id} ({zh}) has no English name" },
      department: { zh: "部门 {id}（{zh}）没有英文名称", en: "The department {id} ({zh}) has no English name" },
      stage: { zh: "阶段 {id}（{zh}）没有英文名称", en: "The stage {id} ({zh}) has no English name" },
    },
    hint: { zh: "在 name 中加入 en。", en: "Add en to name." },
  },
  check(context) {
    const { index } = context;
    for (const matter of index.matters) {
      if (hasEnglishName(matter.value.name)) continue;
      reportName({ context, what: "matter", id: matter.value.id, name: matter.value.name, document: matter.document, pointer: matter.pointer });
    }
    for (const definitions of index.items.values()) {
      for (const item of definitions) {
        if (hasEnglishName(item.value.name)) continue;
        reportName({ context, what: "item", id: item.value.id, name: item.value.name, document: item.document, pointer: item.pointer });
      }
    }
    for (const definitions of index.departments.values()) {
      for (const department of definitions) {
        if (hasEnglishName(department.value.name)) continue;
        reportName({ context, what: "department", id: department.value.id, name: department.value.name, document: department.document, pointer: department.pointer });
      }
    }
    for (const taxonomy of index.taxonomies) {
      taxonomy.value.spec.subjects.forEach((subject, subjectPosition) =>
        subject.stages.forEach((stage, position) => {
          if (hasEnglishName(stage.name)) return;
          reportName({ context, what: "stage", id: stage.id, name: stage.name, document: taxonomy.document, pointer: joinPointer("/spec/subjects", subjectPosition, "stages", position) });
        }),
      );
    }
  },
});
