import type { LocalizedMessage } from "@onething/schemas";
import { joinPointer } from "../format.js";
import type { Duration } from "../model.js";
import { defineRule } from "../types.js";

const UNITS: Record<Duration["unit"], LocalizedMessage> = {
  workday: { zh: "个工作日", en: " working days" },
  day: { zh: "天", en: " days" },
  hour: { zh: "小时", en: " hours" },
};

/**
 * Whether the promised time certainly exceeds the legal one: equal units compare directly; N working days
 * take at least N calendar days, so a promise in working days above a legal limit in days exceeds it;
 * other unit pairs need a calendar and are not compared.
 */
export function exceedsLegal(promised: Duration, legal: Duration): boolean {
  if (promised.unit === legal.unit) return promised.value > legal.value;
  if (promised.unit === "workday" && legal.unit === "day") return promised.value > legal.value;
  return false;
}

/** An item's promised time limit is not longer than its legal time limit. */
export const promisedExceedsLegal = defineRule({
  meta: {
    id: "promised-exceeds-legal",
    severity: "error",
    description: {
      zh: "事项的承诺办结时限（promisedTime）不得长于法定办结时限（legalTime）。",
      en: "An item's promised time limit (promisedTime) is not longer than its legal time limit (legalTime).",
    },
    messages: {
      exceeds: {
        zh: "事项 {id} 的承诺时限 {promised}{promisedUnit} 长于法定时限 {legal}{legalUnit}",
        en: "The item {id} promises {promised}{promisedUnit}, longer than its legal limit of {legal}{legalUnit}",
      },
    },
    hint: { zh: "承诺时限应不长于法定时限；检查数值和单位（工作日 / 自然日）。", en: "The promised limit must not exceed the legal one; check the values and units (working days / days)." },
  },
  check(context) {
    for (const definitions of context.index.items.values()) {
      for (const item of definitions) {
        const { promisedTime, legalTime } = item.value;
        if (!promisedTime || !legalTime || !exceedsLegal(promisedTime, legalTime)) continue;
        context.report({
          messageId: "exceeds",
          data: {
            id: item.value.id,
            promised: promisedTime.value,
            legal: legalTime.value,
            promisedUnit: UNITS[promisedTime.unit],
            legalUnit: UNITS[legalTime.unit],
          },
          document: item.document,
          pointer: joinPointer(item.pointer, "promisedTime", "value"),
          part: "value",
        });
      }
    }
  },
});
