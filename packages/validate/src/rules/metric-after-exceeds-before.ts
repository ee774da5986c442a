import { joinPointer } from "../format.js";
import type { Metric } from "../model.js";
import { matterLikes } from "../rule-helpers.js";
import { defineRule } from "../types.js";

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
      const metrics: Array<[string, string, Metric | undefined]> = Object.entries(matter.value.metrics ?? {}).map(
        ([name, metric]) => [name, joinPointer(matter.pointer, "metrics", name), metric],
      );
      metrics.push(["smart.applicationMinutes", joinPointer(matter.pointer, "smart", "applicationMinutes"), matter.value.smart?.applicationMinutes]);
      for (const [name, pointer, metric] of metrics) {
        if (metric?.before === undefined || metric.after === undefined || metric.after <= metric.before) continue;
        context.report({
          messageId: "exceeds",
          data: { metric: name, before: metric.before, after: metric.after },
          document: matter.document,
          pointer: joinPointer(pointer, "after"),
          part: "value",
        });
      }
    }
  },
});
