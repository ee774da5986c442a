import type { ResolvedChecklist, ResolvedMatter } from "@onething/dsl";
import type { BatchKey, DepartmentRef, LocalizedText, Metric, StageId, Subject, TaxonomyDocument } from "@onething/schemas";

/** The metrics of the four reductions (环节、时间、材料、跑动) plus form fields, in reporting order. */
export const REDUCTION_METRICS = ["steps", "days", "materials", "trips", "formFields"] as const;

/** One metric of the four reductions (or form fields). */
export type ReductionMetric = (typeof REDUCTION_METRICS)[number];

/** How `reductions` groups matters: not at all, by subject, by lifecycle stage, by annual batch or by lead department. */
export type ReductionGrouping = "none" | "subject" | "stage" | "batch" | "department";

/** The groupings `reductions` accepts, in the order help texts list them. */
export const REDUCTION_GROUPINGS: readonly ReductionGrouping[] = ["none", "subject", "stage", "batch", "department"];

/** A percentage a source published for one matter whose before / after pair is not known. */
export interface PublishedReduction {
  /** The matter's id. */
  matter: string;
  /** The matter's name. */
  name: LocalizedText;
  /** The published reduction in percent (81 means "down 81%"). */
  percent: number;
  /** Where the figure comes from (`metrics.X.source`), when given. */
  source?: string;
}

/** One metric aggregated over a group of matters. */
export interface MetricReduction {
  /** Which metric. */
  metric: ReductionMetric;
  /** How many matters have both `before` and `after` for this metric, and so count in the sums. */
  matters: number;
  /** Sum of `before` over those matters. */
  before: number;
  /** Sum of `after` over those matters. */
  after: number;
  /**
   * `(before − after) / before × 100`, rounded to one decimal (negative when the metric rose); absent when no
   * matter contributes or the summed `before` is 0.
   */
  reduction?: number;
  /**
   * Published percentages of the matters that have `publishedReduction` but not both `before` and `after`;
   * listed beside the computed figure, never mixed into it.
   */
  published: PublishedReduction[];
}

/** The reductions of one group of matters (or of the whole list). */
export interface ReductionGroup {
  /**
   * A stable key of the group: `overall`; the subject (`individual`); `subject/stage` (`individual/birth`);
   * the batch as `year-seq` (`2024-1`); the lead department id; or `none` for matters without a batch or
   * without a lead department.
   */
  key: string;
  /** The subject, when grouping by subject or stage. */
  subject?: Subject;
  /** The stage id, when grouping by stage. */
  stage?: StageId;
  /** The batch, when grouping by batch (absent in the `none` group). */
  batch?: BatchKey;
  /** The lead department, when grouping by department (absent in the `none` group). */
  department?: DepartmentRef;
  /** Applicable matters in the group (not-applicable matters are never counted). */
  matters: number;
  /** Per metric, in `REDUCTION_METRICS` order. */
  metrics: MetricReduction[];
}

/** What `reductions` returns. */
export interface ReductionReport {
  /** The id of the checklist the report is about. */
  checklist: string;
  /** The grouping used. */
  by: ReductionGrouping;
  /** Set when grouping by department: matters are grouped by their lead department only. */
  departmentBasis?: "lead";
  /** Applicable matters (every matter not marked not applicable). */
  matters: number;
  /** Matters marked not applicable, left out of every figure. */
  notApplicable: number;
  /** The whole list. */
  overall: ReductionGroup;
  /** The groups, ordered: subjects and stages as the taxonomy orders them, batches by year and number, departments by id, `none` last; empty when `by` is `none`. */
  groups: ReductionGroup[];
}

/** Options of `reductions`. */
export interface ReductionOptions {
  /** How to group the matters. Default: `none` (the whole list only). */
  by?: ReductionGrouping;
  /** A taxonomy whose subject and stage order the groups follow. Default: first appearance in the list. */
  taxonomy?: TaxonomyDocument;
}

const SUBJECT_ORDER: readonly Subject[] = ["enterprise", "individual", "project"];

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Rounds to one decimal place, turning −0 into 0. */
function roundPercent(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}

function aggregate(matters: readonly ResolvedMatter[], metric: ReductionMetric): MetricReduction {
  let before = 0;
  let after = 0;
  let count = 0;
  const published: PublishedReduction[] = [];
  for (const matter of matters) {
    const value: Metric | undefined = matter.value.metrics?.[metric];
    if (value === undefined) continue;
    if (isCount(value.before) && isCount(value.after)) {
      before += value.before;
      after += value.after;
      count += 1;
    } else if (isCount(value.publishedReduction)) {
      published.push({
        matter: matter.id,
        name: matter.value.name,
        percent: value.publishedReduction,
        ...(value.source === undefined ? {} : { source: value.source }),
      });
    }
  }
  return {
    metric,
    matters: count,
    before,
    after,
    ...(count > 0 && before > 0 ? { reduction: roundPercent(((before - after) / before) * 100) } : {}),
    published,
  };
}

function group(key: string, fields: Partial<ReductionGroup>, matters: readonly ResolvedMatter[]): ReductionGroup {
  return { key, ...fields, matters: matters.length, metrics: REDUCTION_METRICS.map((metric) => aggregate(matters, metric)) };
}

interface Bucket {
  key: string;
  fields: Partial<ReductionGroup>;
  rank: number[];
  matters: ResolvedMatter[];
}

function stageRanks(taxonomy: TaxonomyDocument | undefined): Map<string, number[]> {
  const ranks = new Map<string, number[]>();
  taxonomy?.spec.subjects.forEach((subject, subjectIndex) => {
    ranks.set(subject.id, [subjectIndex]);
    subject.stages.forEach((stage, stageIndex) => ranks.set(`${subject.id}/${stage.id}`, [subjectIndex, stageIndex]));
  });
  return ranks;
}

/** The buckets a matter falls into for a grouping (a matter of several batches falls into each). */
function bucketsOf(matter: ResolvedMatter, by: ReductionGrouping, ranks: Map<string, number[]>, seen: number): Array<Omit<Bucket, "matters">> {
  const value = matter.value;
  const LAST = Number.MAX_SAFE_INTEGER;
  const subjectRank = ranks.get(value.subject)?.[0] ?? (SUBJECT_ORDER.includes(value.subject) ? 1_000 + SUBJECT_ORDER.indexOf(value.subject) : LAST);
  switch (by) {
    case "subject":
      return [{ key: value.subject, fields: { subject: value.subject }, rank: [subjectRank, seen] }];
    case "stage": {
      const key = `${value.subject}/${value.stage}`;
      return [{ key, fields: { subject: value.subject, stage: value.stage }, rank: [subjectRank, ranks.get(key)?.[1] ?? LAST, seen] }];
    }
    case "batch": {
      const batches = value.batches ?? [];
      if (batches.length === 0) return [{ key: "none", fields: {}, rank: [LAST, LAST] }];
      return batches.map((batch) => ({ key: `${batch.year}-${batch.seq}`, fields: { batch: { year: batch.year, seq: batch.seq } }, rank: [batch.year, batch.seq] }));
    }
    case "department": {
      const lead = value.owners?.lead;
      return lead === undefined ? [{ key: "none", fields: {}, rank: [1] }] : [{ key: lead, fields: { department: lead }, rank: [0] }];
    }
    case "none":
      return [];
  }
}

function compareRanks(a: Bucket, b: Bucket): number {
  const length = Math.max(a.rank.length, b.rank.length);
  for (let index = 0; index < length; index++) {
    const difference = (a.rank[index] ?? 0) - (b.rank[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The four reductions (steps, time, materials, trips) and form fields of a resolved checklist, before →
 * after, for the whole list and per group. Each figure sums `before` and `after` over the matters that
 * have both and gives the percentage reduction of the sums; matters that only carry a published
 * percentage are listed separately and never mixed into the computed figure. Matters marked not
 * applicable are left out. Grouping by department uses the lead department only.
 *
 * @example
 * const report = reductions(qingdao, { by: "stage" });
 * const trips = report.overall.metrics.find((m) => m.metric === "trips"); // { before: 5, after: 0, reduction: 100, … }
 */
export function reductions(checklist: ResolvedChecklist, options: ReductionOptions = {}): ReductionReport {
  const by = options.by ?? "none";
  const applicable = checklist.matters.filter((matter) => matter.notApplicable === undefined);
  const ranks = stageRanks(options.taxonomy);
  const buckets = new Map<string, Bucket>();
  applicable.forEach((matter, seen) => {
    for (const bucket of bucketsOf(matter, by, ranks, seen)) {
      const existing = buckets.get(bucket.key);
      if (existing === undefined) buckets.set(bucket.key, { ...bucket, matters: [matter] });
      else existing.matters.push(matter);
    }
  });
  return {
    checklist: checklist.id,
    by,
    ...(by === "department" ? { departmentBasis: "lead" as const } : {}),
    matters: applicable.length,
    notApplicable: checklist.matters.length - applicable.length,
    overall: group("overall", {}, applicable),
    groups: [...buckets.values()].sort(compareRanks).map((bucket) => group(bucket.key, bucket.fields, bucket.matters)),
  };
}
