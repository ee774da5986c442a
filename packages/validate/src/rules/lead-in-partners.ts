import { joinPointer } from "../format.js";
import { matterLikes } from "../rule-helpers.js";
import { defineRule } from "../types.js";

/** The lead department is not also a partner (a partner listed twice is caught by the schema, `schema-unique`). */
export const leadInPartners = defineRule({
  meta: {
    id: "lead-in-partners",
    severity: "error",
    description: {
      zh: "牵头部门不得同时列为配合部门。",
      en: "The lead department is not also listed as a partner.",
    },
    messages: {
      lead: { zh: "{id} 是牵头部门，不应再列为配合部门", en: "{id} is the lead department and must not also be a partner" },
      leadHere: { zh: "牵头部门", en: "the lead department" },
    },
    hint: { zh: "从 partners 中删除这一项。", en: "Remove this entry from partners." },
  },
  check(context) {
    for (const matter of matterLikes(context.index)) {
      const partners = matter.value.owners?.partners;
      if (!partners) continue;
      const lead = matter.value.owners?.lead;
      for (let position = 0; position < partners.length; position++) {
        const partner = partners[position];
        if (partner === undefined || partner !== lead) continue;
        context.report({
          messageId: "lead",
          data: { id: partner },
          document: matter.document,
          pointer: joinPointer(matter.pointer, "owners", "partners", position),
          part: "value",
          related: [{ document: matter.document, pointer: joinPointer(matter.pointer, "owners", "lead"), part: "value", messageId: "leadHere" }],
        });
      }
    }
  },
});
