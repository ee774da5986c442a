import type { ResolvedChecklist, ResolvedMatter } from "@onething/dsl";
import type { BatchKey, DepartmentRef, Matter, StageId, Subject } from "@onething/schemas";

/** A matter's status as queries see it: its own `status`, or `not-applicable` when a list marked it so. */
export type MatterQueryStatus = NonNullable<Matter["status"]> | "not-applicable";

/** What `query` filters by; every field is optional and the given ones are combined with AND. */
export interface MatterQuery {
  /** Only matters of this subject. Default: any subject. */
  subject?: Subject;
  /** Only matters of this lifecycle stage id. Default: any stage. */
  stage?: StageId;
  /** Only matters belonging to this annual batch (one of `batches`). Default: any batch or none. */
  batch?: BatchKey;
  /** Only matters whose lead department is this one. Default: any lead. */
  lead?: DepartmentRef;
  /** Only matters that list this department among their cooperating departments. Default: any. */
  partner?: DepartmentRef;
  /** Only matters this department leads or cooperates on. Default: any. */
  department?: DepartmentRef;
  /**
   * Only when the checklist's jurisdiction has this GB/T 2260 division code (every matter of the list or
   * none, since a resolved list runs in one jurisdiction). Default: any jurisdiction.
   */
  division?: string;
  /**
   * Only matters with this status; a matter marked not applicable has the status `not-applicable`, whatever
   * its own `status` says. A matter without a status matches no status. Default: any status.
   */
  status?: MatterQueryStatus;
  /**
   * `true`: only overdue matters (due date before `today`, applicable, and not landed, verified or retired);
   * `false`: only matters that are not overdue. Default: either.
   */
  overdue?: boolean;
}

/** Options of `query`. */
export interface QueryOptions {
  /** The date `overdue` compares due dates against, `YYYY-MM-DD`. Default: today's UTC date. */
  today?: string;
}

const DONE = new Set<string>(["landed", "verified", "retired"]);

/**
 * Today's date in UTC as `YYYY-MM-DD`.
 *
 * @example
 * todayUtc(); // "2026-11-30", whatever the local time zone
 */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The status a query sees: `not-applicable` when marked so, else the matter's own status (if any).
 *
 * @example
 * const qingdao = resolveChecklist(project, "cn.sd.qingdao");
 * effectiveStatus(qingdao.matters.find((matter) => matter.id === "newborn-birth")!); // "landed"
 */
export function effectiveStatus(matter: ResolvedMatter): MatterQueryStatus | undefined {
  return matter.notApplicable === undefined ? matter.value.status : "not-applicable";
}

/**
 * Whether a matter is overdue on `today`: it is applicable, has a due date before `today` (a `YYYY-MM`
 * date counts as the month's end), and is neither landed, verified nor retired.
 *
 * @example
 * const qingdao = resolveChecklist(project, "cn.sd.qingdao");
 * qingdao.matters.filter((matter) => isOverdue(matter, todayUtc())).map((matter) => matter.id); // ["credit-repair", …]
 */
export function isOverdue(matter: ResolvedMatter, today: string): boolean {
  const { dueDate, status } = matter.value;
  if (matter.notApplicable !== undefined || dueDate === undefined) return false;
  if (status !== undefined && DONE.has(status)) return false;
  const due = /^\d{4}-\d{2}$/u.test(dueDate) ? `${dueDate}-31` : dueDate;
  return due < today;
}

function inBatch(matter: Matter, batch: BatchKey): boolean {
  return (matter.batches ?? []).some((entry) => entry.year === batch.year && entry.seq === batch.seq);
}

/**
 * The matters of a resolved checklist that match every given field of `filter`, in list order. Matters
 * marked not applicable are included unless a field excludes them (for example `status: "landed"`).
 *
 * @example
 * const births = query(qingdao, { subject: "individual", stage: "birth" });
 * const late = query(qingdao, { department: "dept.nhc", overdue: true }, { today: "2025-07-01" });
 */
export function query(checklist: ResolvedChecklist, filter: MatterQuery, options: QueryOptions = {}): ResolvedMatter[] {
  if (filter.division !== undefined && checklist.jurisdiction?.division !== filter.division) return [];
  const today = options.today ?? todayUtc();
  return checklist.matters.filter((matter) => {
    const value = matter.value;
    const lead = value.owners?.lead;
    const partners = value.owners?.partners ?? [];
    if (filter.subject !== undefined && value.subject !== filter.subject) return false;
    if (filter.stage !== undefined && value.stage !== filter.stage) return false;
    if (filter.batch !== undefined && !inBatch(value, filter.batch)) return false;
    if (filter.lead !== undefined && lead !== filter.lead) return false;
    if (filter.partner !== undefined && !partners.includes(filter.partner)) return false;
    if (filter.department !== undefined && lead !== filter.department && !partners.includes(filter.department)) return false;
    if (filter.status !== undefined && effectiveStatus(matter) !== filter.status) return false;
    if (filter.overdue !== undefined && isOverdue(matter, today) !== filter.overdue) return false;
    return true;
  });
}
