import { joinPointer } from "../format.js";
import type { Metric } from "../model.js";
import type { MatterLike } from "../rule-helpers.js";
import { matterLikes } from "../rule-helpers.js";
import { defineRule, type RuleContext } from "../types.js";

/** Whether the metric holds both values and the one after the reform is larger. */
function exceeds(metric: Metric | undefined): metric is Metric & { before: number; after: number } {
  return metric?.before !== undefined && metric.after !== undefined && metric.after > metric.before;
}

function report(options: { context: RuleContext; matter: MatterLike; name: string; metric: Metric & { before: number; after: number }; pointer: string }): void {
  const { metric } = options;
  options.context.report({
    messageId: "exceeds",
    data: { metric: options.name, before: metric.before, after: metric.after },
    document: options.matter.document,
    pointer: options.pointer,
    part: "value",
  });
}

/** In every metric, the value after the reform is not larger than the value before it. */
export const metricAfterExceedsBefore = defineRule({
  meta: {
    id: "metric-after-exceeds-before",
    severity: "error",
    description: {
      zh: "“四减”指标（环节、时间、材料、跑动、表单字段）改革后的值（after）不得大于改革前的值（before）。",
      en: "In every reduction metric (steps, time, materials, trips, form fields), the value after the reform is not larger than before it.",
    },
    messages: {
      exceeds: { zh: "{metric} 改革后为 {after}，大于改革前的 {before}", en: "{metric} after the reform ({after}) exceeds the value before it ({before})" },
    },
    hint: { zh: "检查 before 和 after 是否写反，或数字是否有误。", en: "Check whether before and after are swapped, or a figure is wrong." },
  },
  check(context) {
    for (const matter of matterLikes(context.index)) {
      const { metrics, smart } = matter.value;
      if (metrics) {
        for (const name of Object.keys(metrics)) {
          const metric: Metric | undefined = metrics[name as keyof typeof metrics];
          if (exceeds(metric)) report({ context, matter, name, metric, pointer: joinPointer(matter.pointer, "metrics", name, "after") });
        }
      }
      const minutes = smart?.applicationMinutes;
      if (exceeds(minutes)) report({ context, matter, name: "smart.applicationMinutes", metric: minutes, pointer: joinPointer(matter.pointer, "smart", "applicationMinutes", "after") });
    }
  },
});
