import { joinPointer } from "../format.js";
import { defineRule } from "../types.js";

/** A matter marked `confidence: verified` names at least one source. */
export const unsupportedConfidence = defineRule({
  meta: {
    id: "unsupported-confidence",
    severity: "warning",
    description: {
      zh: "标为已核实（confidence: verified）的一件事必须列出来源（sources）。",
      en: "A matter marked confidence: verified lists at least one source (sources).",
    },
    messages: {
      noSources: { zh: "一件事 {id} 标为已核实，但没有列出来源", en: "The matter {id} is marked verified but lists no sources" },
    },
    hint: { zh: "在 sources 中写上文号或页面；找不到来源时改为 partial 或 unverified。", en: "Add the document number or page to sources; without one, use partial or unverified." },
  },
  check(context) {
    for (const matter of context.index.matters) {
      const { confidence, sources } = matter.value;
      if (confidence !== "verified" || (sources !== undefined && sources.length > 0)) continue;
      context.report({ messageId: "noSources", data: { id: matter.value.id }, document: matter.document, pointer: joinPointer(matter.pointer, "confidence"), part: "value" });
    }
  },
});
