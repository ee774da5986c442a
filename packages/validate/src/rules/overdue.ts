import { joinPointer } from "../format.js";
import { defineRule } from "../types.js";
import { isCalendarDate } from "./invalid-date.js";

const DONE_MATTER = new Set(["landed", "verified", "retired"]);
const DONE_ENTRY = new Set(["landed", "verified", "not-applicable"]);

/** Whether a due date (`YYYY-MM-DD`, or `YYYY-MM` meaning the month's end) lies before today; never for a date that does not exist (invalid-date reports those). */
export function isPast(dueDate: string, today: string): boolean {
  if (!isCalendarDate(dueDate)) return false;
  const due = /^\d{4}-\d{2}$/.test(dueDate) ? `${dueDate}-31` : dueDate;
  return due < today;
}

/** A matter or a progress entry whose due date has passed is landed, verified (or retired / not applicable). */
export const overdue = defineRule({
  meta: {
    id: "overdue",
    severity: "warning",
    description: {
      zh: "到期日（dueDate）已过而尚未落地（landed / verified）的一件事或进度条目给出超期预警。",
      en: "Warns about a matter or progress entry whose due date has passed while it has not landed (landed / verified).",
    },
    messages: {
      matter: { zh: "一件事 {id} 已于 {dueDate} 到期，状态仍为 {status}", en: "The matter {id} was due on {dueDate} and is still {status}" },
      entry: { zh: "一件事 {id} 的对账条目已于 {dueDate} 到期，状态仍为 {status}", en: "The progress entry of {id} was due on {dueDate} and is still {status}" },
    },
    hint: { zh: "推进落地并更新状态，或按新的计划更新到期日。", en: "Land the matter and update its status, or set the new planned due date." },
  },
  check(context) {
    const { index, today } = context;
    for (const matter of index.matters) {
      const { dueDate, status } = matter.value;
      if (dueDate === undefined || (status !== undefined && DONE_MATTER.has(status)) || !isPast(dueDate, today)) continue;
      context.report({
        messageId: "matter",
        data: { id: matter.value.id, dueDate, status: status ?? { zh: "（未填写）", en: "(none)" } },
        document: matter.document,
        pointer: joinPointer(matter.pointer, "dueDate"),
        part: "value",
      });
    }
    for (const ledger of index.progress) {
      ledger.value.spec.entries.forEach((entry, position) => {
        if (entry.dueDate === undefined || DONE_ENTRY.has(entry.status) || !isPast(entry.dueDate, today)) return;
        context.report({
          messageId: "entry",
          data: { id: entry.matter, dueDate: entry.dueDate, status: entry.status },
          document: ledger.document,
          pointer: joinPointer("/spec/entries", position, "dueDate"),
          part: "value",
        });
      });
    }
  },
});
