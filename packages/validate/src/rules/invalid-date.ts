import { joinPointer } from "../format.js";
import { DATE_FIELDS } from "../generated/date-fields.js";
import { defineRule } from "../types.js";

/** Whether a `YYYY-MM-DD` or `YYYY-MM` text names a real calendar date (month 1–12, day within the month, leap years counted). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day >= 1 && day <= days;
}

/** Every string at an instance path with `*` for array indexes, with its JSON Pointer. */
function valuesAt(root: unknown, path: string): Array<{ value: string; pointer: string }> {
  let current: Array<{ value: unknown; pointer: string }> = [{ value: root, pointer: "" }];
  for (const token of path.split("/").slice(1)) {
    current = current.flatMap(({ value, pointer }) => {
      if (token === "*") return Array.isArray(value) ? value.map((entry, position) => ({ value: entry, pointer: joinPointer(pointer, position) })) : [];
      if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, token)) return [];
      return [{ value: (value as Record<string, unknown>)[token], pointer: joinPointer(pointer, token) }];
    });
  }
  return current.flatMap((entry) => (typeof entry.value === "string" ? [{ value: entry.value, pointer: entry.pointer }] : []));
}

/** Every date-valued field (the FullDate and PartialDate fields of the schemas) holds a real calendar date. */
export const invalidDate = defineRule({
  meta: {
    id: "invalid-date",
    severity: "error",
    description: {
      zh: "日期字段（到期日、发布日期、对账日期、评价期间等）必须是真实存在的日期：月份 1–12，日在当月天数之内（含闰年）。",
      en: "Every date field (due dates, source dates, ledger dates, evaluation periods…) is a real calendar date: month 1–12, a day within the month (leap years counted).",
    },
    messages: {
      invalid: { zh: "日期 {date} 不存在", en: "The date {date} does not exist" },
    },
    hint: {
      zh: "检查月份（01–12）和日（如 2 月最多 28 或 29 日、4 月最多 30 日）；格式为 YYYY-MM-DD，如 2025-07-08。",
      en: "Check the month (01–12) and the day (February has 28 or 29 days, April 30); write YYYY-MM-DD, such as 2025-07-08.",
    },
  },
  check(context) {
    for (const { value, document } of context.index.documents) {
      for (const path of DATE_FIELDS[value.kind] ?? []) {
        for (const found of valuesAt(value, path)) {
          if (isCalendarDate(found.value)) continue;
          context.report({ messageId: "invalid", data: { date: found.value }, document, pointer: found.pointer, part: "value" });
        }
      }
    }
  },
});
