import { joinPointer } from "../format.js";
import type { Channel } from "../model.js";
import { defineRule } from "../types.js";

const ONLINE: readonly Channel[] = ["online-zone", "mobile"];

function isOnline(channels: readonly Channel[] | undefined): boolean {
  if (!channels) return false;
  for (const channel of channels) if (ONLINE.includes(channel)) return true;
  return false;
}

/** Zero trips to the site needs an online channel (online zone or mobile). */
export const zeroTripsNeedsOnline = defineRule({
  meta: {
    id: "zero-trips-needs-online",
    severity: "error",
    description: {
      zh: "跑动次数为 0（零跑动）时，办理渠道必须包含线上专区（online-zone）或移动端（mobile）。",
      en: "Zero trips to the site requires an online channel: the online zone (online-zone) or mobile.",
    },
    messages: {
      matter: { zh: "一件事 {id} 声称零跑动，但渠道中没有 online-zone 或 mobile", en: "The matter {id} claims zero trips, but its channels include neither online-zone nor mobile" },
      item: { zh: "事项 {id} 到现场次数为 0，但渠道中没有 online-zone 或 mobile", en: "The item {id} needs zero trips, but its channels include neither online-zone nor mobile" },
    },
    hint: { zh: "在 channels 中加入 online-zone 或 mobile，或更正跑动次数。", en: "Add online-zone or mobile to channels, or correct the trip count." },
  },
  check(context) {
    const { index } = context;
    for (const matter of index.matters) {
      if (matter.value.metrics?.trips?.after !== 0 || isOnline(matter.value.channels)) continue;
      context.report({
        messageId: "matter",
        data: { id: matter.value.id },
        document: matter.document,
        pointer: joinPointer(matter.pointer, "metrics", "trips", "after"),
        part: "value",
      });
    }
    for (const definitions of index.items.values()) {
      for (const item of definitions) {
        if (item.value.trips !== 0 || item.value.channels === undefined || isOnline(item.value.channels)) continue;
        context.report({ messageId: "item", data: { id: item.value.id }, document: item.document, pointer: joinPointer(item.pointer, "trips"), part: "value" });
      }
    }
  },
});
