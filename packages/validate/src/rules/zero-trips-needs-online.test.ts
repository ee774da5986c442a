import { describe } from "vitest";
import { BASE, checklist, document, matter } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const withLines = (lines: string[]) => ({ ...BASE, "t.yaml": checklist({ matters: matter({ lines }) }) });

describe("zero-trips-needs-online", () => {
  testRule("zero-trips-needs-online", [
    { name: "valid: zero trips with the online zone", files: withLines(["channels: [window, online-zone]", "metrics: { trips: { before: 5, after: 0 } }"]), expected: [] },
    { name: "valid: one trip at the window", files: withLines(["channels: [window]", "metrics: { trips: { before: 5, after: 1 } }"]), expected: [] },
    { name: "zero trips, window only", files: withLines(["channels: [window]", "metrics: { trips: { before: 5, after: 0 } }"]), expected: ["t.yaml:16:45"] },
    { name: "zero trips, no channels", files: withLines(["metrics: { trips: { before: 5, after: 0 } }"]), expected: ["t.yaml:15:45"] },
    {
      name: "an item with zero trips and a window channel",
      files: { ...BASE, "more.yaml": document({ kind: "ItemCatalog", id: "cn.more", spec: ["items:", "  - { id: item.four, name: { zh: 事项四, en: Four }, department: dept.alpha, trips: 0, channels: [window] }"] }) },
      expected: ["more.yaml:9:84"],
    },
  ]);
});
