import { joinPointer } from "../format.js";
import { defineRule } from "../types.js";

/** An item's basic code (基本编码) is 12 digits. */
export const basicCodeFormat = defineRule({
  meta: {
    id: "basic-code-format",
    severity: "error",
    description: {
      zh: "事项的基本编码（basicCode）必须是 12 位数字（GB/T 39554.1）。",
      en: "An item's basic code (basicCode) is 12 digits (GB/T 39554.1).",
    },
    messages: {
      format: { zh: "事项 {id} 的基本编码 {code} 不是 12 位数字", en: "The basic code {code} of the item {id} is not 12 digits" },
    },
    hint: { zh: "按政务服务事项目录抄写完整的 12 位基本编码（加引号，保留前导 0）。", en: "Copy the full 12-digit basic code from the service-item catalogue (quoted, keeping leading zeros)." },
  },
  check(context) {
    for (const definitions of context.index.items.values()) {
      for (const item of definitions) {
        const code = item.value.basicCode;
        if (code === undefined || /^\d{12}$/.test(code)) continue;
        context.report({ messageId: "format", data: { id: item.value.id, code }, document: item.document, pointer: joinPointer(item.pointer, "basicCode"), part: "value" });
      }
    }
  },
});
