import { checkCreditCode } from "../codes.js";
import { joinPointer } from "../format.js";
import { defineRule } from "../types.js";

/** A department's unified social credit code has 18 valid characters and the right GB 32100 check character. */
export const creditCodeFormat = defineRule({
  meta: {
    id: "credit-code-format",
    severity: "error",
    description: {
      zh: "部门的统一社会信用代码（creditCode）必须为 18 位，只含 0-9 和除 I、O、S、V、Z 外的大写字母，且校验码符合 GB 32100。",
      en: "A department's unified social credit code (creditCode) has 18 characters from 0-9 and the capitals except I, O, S, V, Z, and its check character follows GB 32100.",
    },
    messages: {
      length: { zh: "统一社会信用代码 {code} 有 {length} 位，应为 18 位", en: "The credit code {code} has {length} characters, not 18" },
      character: { zh: "统一社会信用代码 {code} 第 {position} 位的字符 {character} 不允许", en: "The credit code {code} has the character {character} at position {position}, which is not allowed" },
      check: { zh: "统一社会信用代码 {code} 的校验码应为 {expected}，实际为 {found}", en: "The check character of the credit code {code} should be {expected}, found {found}" },
    },
    hint: { zh: "对照法人证书核对代码；常见错误是漏位、多位、抄错一位，或把数字 0、1 写成字母 O、I。", en: "Compare the code with the department's certificate; the usual causes are a missing, extra or mistyped character, or the letters O and I written for the digits 0 and 1." },
  },
  check(context) {
    for (const definitions of context.index.departments.values()) {
      for (const department of definitions) {
        const code = department.value.creditCode;
        if (code === undefined) continue;
        const problem = checkCreditCode(code);
        if (!problem) continue;
        context.report({
          messageId: problem.problem,
          data: { ...problem, code },
          document: department.document,
          pointer: joinPointer(department.pointer, "creditCode"),
          part: "value",
        });
      }
    }
  },
});
