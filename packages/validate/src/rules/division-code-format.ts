import type { SourceDocument } from "@onething/schemas";
import { NATIONAL_DIVISION, PROVINCE_PREFIXES } from "../codes.js";
import { joinPointer } from "../format.js";
import type { JurisdictionLevel } from "../model.js";
import { defineRule, type RuleContext } from "../types.js";

function checkDivision(options: { context: RuleContext; division: string; level: JurisdictionLevel | undefined; document: SourceDocument; pointer: string }): void {
  const { context, division, level, document, pointer } = options;
  const report = (messageId: string) => context.report({ messageId, data: { code: division, level: level ?? "" }, document, pointer, part: "value" });
  if (division === NATIONAL_DIVISION) {
    if (level !== undefined && level !== "national") report("level");
    return;
  }
  if (!PROVINCE_PREFIXES.has(division.slice(0, 2))) return report("province");
  if (level === "national" || (level === "provincial" && !division.endsWith("0000"))) report("level");
}

/** Division codes (6 digits by the schema) start with a GB/T 2260 province prefix (or 100000 for the nation) and agree with the level. */
export const divisionCodeFormat = defineRule({
  meta: {
    id: "division-code-format",
    severity: "error",
    description: {
      zh: "行政区划代码为 6 位数字，前两位是 GB/T 2260 的省级代码（全国为 100000），并与层级一致。",
      en: "A division code is 6 digits starting with a GB/T 2260 province prefix (100000 for the whole country), consistent with the level.",
    },
    messages: {
      province: { zh: "行政区划代码 {code} 的前两位不是省级代码", en: "The division code {code} does not start with a province prefix" },
      level: { zh: "行政区划代码 {code} 与层级 {level} 不符", en: "The division code {code} does not match the level {level}" },
    },
    hint: {
      zh: "按 GB/T 2260 填写：全国 100000，省级 XX0000（如 370000），市级 XXXX00（如 370200）。",
      en: "Follow GB/T 2260: 100000 for the nation, XX0000 for a province (370000), XXXX00 for a city (370200).",
    },
  },
  check(context) {
    const { index } = context;
    for (const document of index.documents) {
      const jurisdiction = document.value.metadata.jurisdiction;
      if (jurisdiction) {
        checkDivision({ context, division: jurisdiction.division, level: jurisdiction.level, document: document.document, pointer: "/metadata/jurisdiction/division" });
      }
    }
    for (const definitions of index.departments.values()) {
      for (const department of definitions) {
        const { division, level } = department.value;
        if (division !== undefined) {
          checkDivision({ context, division, level, document: department.document, pointer: joinPointer(department.pointer, "division") });
        }
      }
    }
  },
});
