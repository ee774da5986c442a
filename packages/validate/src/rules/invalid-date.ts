import { joinPointer } from "../format.js";
import { DATE_FIELDS } from "../generated/date-fields.js";
import { defineRule } from "../types.js";

/** The number written by `count` ASCII digits of `text` from `from`, or -1 when one of them is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let at = from; at < from + count; at++) {
    const code = text.charCodeAt(at) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a `YYYY-MM-DD` or `YYYY-MM` text names a real calendar date (month 1–12, day within the month, leap years counted). */
export function isCalendarDate(text: string): boolean {
  // Read by hand rather than by a regular expression: the rule checks every date of a national-scale project.
  const { length } = text;
  if ((length !== 7 && length !== 10) || text[4] !== "-" || (length === 10 && text[7] !== "-")) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  if (year < 0 || month < 1 || month > 12) return false;
  if (length === 7) return true;
  const day = digitsAt(text, 8, 2);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day >= 1 && day <= days;
}

/**
 * The date fields of one kind as a tree of instance-path tokens, so that one walk over a document visits every
 * path at once (a checklist's matters once, not once per date field of a matter).
 */
interface PathNode {
  /** The children under object members, with the member names, in the order the paths first name them. */
  members: Array<{ token: string; node: PathNode }>;
  /** The child under every array entry (`*`), if a path goes on through one. */
  entries: PathNode | undefined;
  /** The positions (in the kind's list of date fields) of the paths ending here. */
  ends: number[];
}

function pathNode(): PathNode {
  return { members: [], entries: undefined, ends: [] };
}

/** The tree of a list of instance paths, `*` standing for every array entry. */
function pathTree(paths: readonly string[]): PathNode {
  const root = pathNode();
  paths.forEach((path, position) => {
    let node = root;
    for (const token of path.split("/").slice(1)) {
      if (token === "*") node = node.entries ??= pathNode();
      else {
        let child = node.members.find((member) => member.token === token)?.node;
        if (!child) node.members.push({ token, node: (child = pathNode()) });
        node = child;
      }
    }
    node.ends.push(position);
  });
  return root;
}

/** A date that does not exist, the position of its field's path, and where it is. */
interface Finding {
  date: string;
  path: number;
  pointer: string;
}

/** One document's walk down its path tree, collecting the dates that do not exist. */
class InvalidDates {
  /** The findings, in the order the walk met them. */
  readonly found: Finding[] = [];
  /** The tokens leading to the value being visited, array indexes as numbers; joined into a pointer only for a finding. */
  private readonly taken: Array<string | number> = [];

  /** Visits `value`, reached through the tokens taken so far, and everything below it that `node` leads to, depth first. */
  visit(node: PathNode, value: unknown): void {
    const { taken } = this;
    if (node.ends.length > 0 && typeof value === "string" && !isCalendarDate(value)) {
      for (const path of node.ends) this.found.push({ date: value, path, pointer: joinPointer("", ...taken) });
    }
    if (typeof value !== "object" || value === null) return;
    if (Array.isArray(value)) {
      const child = node.entries;
      if (!child) return;
      for (let position = 0; position < value.length; position++) {
        taken.push(position);
        this.visit(child, value[position]);
        taken.pop();
      }
      return;
    }
    for (const { token, node: child } of node.members) {
      if (!Object.hasOwn(value, token)) continue;
      taken.push(token);
      this.visit(child, (value as Record<string, unknown>)[token]);
      taken.pop();
    }
  }
}

const TREES = new Map<string, PathNode>();

/** The path tree of a kind's date fields, built once per kind. */
function treeOf(kind: string): PathNode {
  let tree = TREES.get(kind);
  if (!tree) TREES.set(kind, (tree = pathTree(DATE_FIELDS[kind] ?? [])));
  return tree;
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
      const walk = new InvalidDates();
      walk.visit(treeOf(value.kind), value);
      // Reported field by field, in the order of DATE_FIELDS, then in document order (the sort is stable).
      const found = walk.found.sort((a, b) => a.path - b.path);
      for (const { date, pointer } of found) context.report({ messageId: "invalid", data: { date }, document, pointer, part: "value" });
    }
  },
});
