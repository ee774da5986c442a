import { joinPointer } from "../format.js";
import { matterLikes } from "../rule-helpers.js";
import { defineRule } from "../types.js";

/** The claimed number of materials after the reform equals the number of materials in the unified set. */
export const materialCountMismatch = defineRule({
  meta: {
    id: "material-count-mismatch",
    severity: "warning",
    description: {
      zh: "metrics.materials.after（改革后的材料数）应等于统一材料清单（materials）的条数。",
      en: "metrics.materials.after (the material count after the reform) equals the number of entries in the unified material set (materials).",
    },
    messages: {
      mismatch: { zh: "改革后材料数写为 {claimed}，但统一材料清单有 {count} 项", en: "The material count after the reform is {claimed}, but the unified material set has {count} entries" },
    },
    hint: { zh: "更正 metrics.materials.after，或补全 materials。", en: "Correct metrics.materials.after, or complete materials." },
  },
  check(context) {
    for (const matter of matterLikes(context.index)) {
      const claimed = matter.value.metrics?.materials?.after;
      const materials = matter.value.materials;
      if (claimed === undefined || materials === undefined || claimed === materials.length) continue;
      context.report({
        messageId: "mismatch",
        data: { claimed, count: materials.length },
        document: matter.document,
        pointer: joinPointer(matter.pointer, "metrics", "materials", "after"),
        part: "value",
      });
    }
  },
});
