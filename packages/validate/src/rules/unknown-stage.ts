import { findNearest } from "../edit-distance.js";
import { joinPointer } from "../format.js";
import { hasKind } from "../rule-helpers.js";
import { defineRule } from "../types.js";

/** A matter's stage is a stage of its subject's lifecycle in the Taxonomy. */
export const unknownStage = defineRule({
  meta: {
    id: "unknown-stage",
    severity: "error",
    description: {
      zh: "一件事的阶段（stage）必须是分类（Taxonomy）中其主体生命周期的阶段。",
      en: "A matter's stage is one of the lifecycle stages of its subject in the Taxonomy.",
    },
    messages: {
      unknown: { zh: "阶段 {stage} 不是主体 {subject} 的生命周期阶段（可选：{stages}）", en: "The stage {stage} is not a lifecycle stage of the subject {subject} (known: {stages})" },
      otherSubject: { zh: "阶段 {stage} 属于主体 {other}，不属于 {subject}", en: "The stage {stage} belongs to the subject {other}, not to {subject}" },
      unknownSubject: { zh: "分类中没有主体 {subject} 的生命周期", en: "The Taxonomy has no lifecycle for the subject {subject}" },
      didYouMean: { zh: "是否想写 {suggestion}？", en: "Did you mean {suggestion}?" },
    },
    hint: { zh: "使用分类中该主体的阶段标识；2022 年版的旧阶段名请换成其对应的 2025 年版阶段。", en: "Use a stage id of the subject from the Taxonomy; map a 2022 stage name onto its 2025 stage." },
  },
  check(context) {
    const { index } = context;
    if (!hasKind(index, "Taxonomy")) return;
    for (const matter of index.matters) {
      const { subject, stage } = matter.value;
      const stages = index.stages.get(subject);
      if (stages?.has(stage) === true) continue;
      if (index.incomplete.stages.has(`${subject}/${stage}`)) continue;
      if (!stages) {
        if (index.taxonomies.length > 0) {
          context.report({ messageId: "unknownSubject", data: { subject, stage }, document: matter.document, pointer: joinPointer(matter.pointer, "subject"), part: "value" });
        }
        continue;
      }
      const other = [...index.stages].find(([, otherStages]) => otherStages.has(stage))?.[0];
      const suggestion = findNearest(stage, stages.keys());
      context.report({
        messageId: other ? "otherSubject" : "unknown",
        data: { subject, stage, other: other ?? "", stages: [...stages.keys()].join(", "), suggestion: suggestion ?? "" },
        document: matter.document,
        pointer: joinPointer(matter.pointer, "stage"),
        part: "value",
        ...(suggestion ? { hintId: "didYouMean" } : {}),
      });
    }
  },
});
