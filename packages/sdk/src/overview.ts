import type { SourceDocument } from "@onething/schemas";
import type { Lang } from "./i18n.js";

/** One national annual batch: how many matters the data holds vs how many the source declares. */
export interface BatchOverview {
  /** The batch year. */
  year: number;
  /** The batch's number within its year, from 1. */
  seq: number;
  /** Matters of the batch present in the data. */
  known: number;
  /** The count the source declares (`spec.declaredCount`), when given. */
  declared?: number;
}

/** Counts of national matters per lifecycle stage of one subject. */
export interface SubjectOverview {
  /** The subject id (enterprise, individual, project). */
  subject: string;
  /** The subject's name from the taxonomy, when the taxonomy has it. */
  name?: { zh: string; en?: string };
  /** National matters of this subject. */
  count: number;
  /** Per stage, in taxonomy order (stages unknown to the taxonomy last). */
  stages: Array<{ stage: string; name?: { zh: string; en?: string }; count: number }>;
}

/** What `overviewDocuments` returns: a short census of a project. */
export interface ProjectOverview {
  /** Documents by kind, in the standard's order of kinds. */
  kinds: Array<{ kind: string; count: number }>;
  /** Distinct national matters (from checklists whose jurisdiction level is national), by id. */
  nationalMatters: number;
  /** National annual batches by year and number. */
  batches: BatchOverview[];
  /** National matters by subject and stage. */
  subjects: SubjectOverview[];
  /** National matters by confidence. */
  confidence: Array<{ confidence: string; count: number }>;
  /** Checklists that are not national (local lists). */
  localChecklists: number;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asText(value: unknown): { zh: string; en?: string } | undefined {
  if (!isObject(value) || typeof value["zh"] !== "string") return undefined;
  return typeof value["en"] === "string" ? { zh: value["zh"], en: value["en"] } : { zh: value["zh"] };
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

const KIND_ORDER = ["Taxonomy", "DepartmentRegistry", "ItemCatalog", "Checklist", "Progress", "Evaluation"];

function kindRank(kind: string): number {
  const index = KIND_ORDER.indexOf(kind);
  return index === -1 ? KIND_ORDER.length : index;
}

const CONFIDENCE_ORDER = ["verified", "partial", "unverified", "illustrative"];

/**
 * Counts what a project holds: documents by kind, national matters by batch (present vs declared), by
 * subject and stage, and by confidence. Reads the documents' plain values defensively, so documents that
 * fail validation are counted as far as they can be.
 *
 * @example
 * const overview = overviewDocuments(project.documents);
 * overview.batches[0]; // { year: 2024, seq: 1, known: 13, declared: 13 }
 */
export function overviewDocuments(documents: readonly SourceDocument[]): ProjectOverview {
  const kinds = new Map<string, number>();
  const stageNames = new Map<string, Map<string, { zh: string; en?: string } | undefined>>();
  const subjectNames = new Map<string, { zh: string; en?: string } | undefined>();
  const matters = new Map<string, Json>();
  const batches = new Map<string, BatchOverview>();
  let localChecklists = 0;
  for (const document of documents) {
    const value = document.value;
    if (!isObject(value)) continue;
    const kind = typeof value["kind"] === "string" ? value["kind"] : "?";
    increment(kinds, kind);
    const spec = isObject(value["spec"]) ? value["spec"] : {};
    if (kind === "Taxonomy") {
      for (const subject of asArray(spec["subjects"])) {
        if (!isObject(subject) || typeof subject["id"] !== "string") continue;
        subjectNames.set(subject["id"], asText(subject["name"]));
        const stages = stageNames.get(subject["id"]) ?? new Map();
        for (const stage of asArray(subject["stages"])) {
          if (isObject(stage) && typeof stage["id"] === "string") stages.set(stage["id"], asText(stage["name"]));
        }
        stageNames.set(subject["id"], stages);
      }
    }
    if (kind !== "Checklist") continue;
    const metadata = isObject(value["metadata"]) ? value["metadata"] : {};
    const jurisdiction = isObject(metadata["jurisdiction"]) ? metadata["jurisdiction"] : {};
    if (jurisdiction["level"] !== "national") {
      localChecklists += 1;
      continue;
    }
    const own = asArray(spec["matters"]).filter(isObject);
    for (const matter of own) {
      if (typeof matter["id"] === "string" && !matters.has(matter["id"])) matters.set(matter["id"], matter);
    }
    const batch = spec["batch"];
    if (spec["scope"] === "annual" && isObject(batch) && typeof batch["year"] === "number" && typeof batch["seq"] === "number") {
      const key = `${batch["year"]}-${batch["seq"]}`;
      const entry = batches.get(key) ?? { year: batch["year"], seq: batch["seq"], known: 0 };
      entry.known += own.length;
      if (typeof spec["declaredCount"] === "number") entry.declared = spec["declaredCount"];
      batches.set(key, entry);
    }
  }
  const bySubject = new Map<string, Map<string, number>>();
  const confidence = new Map<string, number>();
  for (const matter of matters.values()) {
    const subject = typeof matter["subject"] === "string" ? matter["subject"] : "?";
    const stages = bySubject.get(subject) ?? new Map<string, number>();
    increment(stages, typeof matter["stage"] === "string" ? matter["stage"] : "?");
    bySubject.set(subject, stages);
    increment(confidence, typeof matter["confidence"] === "string" ? matter["confidence"] : "?");
  }
  const subjectOrder = [...subjectNames.keys(), ...[...bySubject.keys()].filter((id) => !subjectNames.has(id)).sort()];
  const subjects: SubjectOverview[] = subjectOrder
    .filter((id) => bySubject.has(id))
    .map((id) => {
      const counts = bySubject.get(id) ?? new Map<string, number>();
      const known = stageNames.get(id) ?? new Map();
      const order = [...known.keys(), ...[...counts.keys()].filter((stage) => !known.has(stage)).sort()];
      const name = subjectNames.get(id);
      return {
        subject: id,
        ...(name === undefined ? {} : { name }),
        count: [...counts.values()].reduce((sum, count) => sum + count, 0),
        stages: order
          .filter((stage) => counts.has(stage))
          .map((stage) => {
            const stageName = known.get(stage);
            return { stage, ...(stageName === undefined ? {} : { name: stageName }), count: counts.get(stage) ?? 0 };
          }),
      };
    });
  const rank = (key: string) => (CONFIDENCE_ORDER.includes(key) ? CONFIDENCE_ORDER.indexOf(key) : CONFIDENCE_ORDER.length);
  return {
    kinds: [...kinds]
      .sort(([a], [b]) => kindRank(a) - kindRank(b) || (a < b ? -1 : a > b ? 1 : 0))
      .map(([kind, count]) => ({ kind, count })),
    nationalMatters: matters.size,
    batches: [...batches.values()].sort((a, b) => a.year - b.year || a.seq - b.seq),
    subjects,
    confidence: [...confidence]
      .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
      .map(([key, count]) => ({ confidence: key, count })),
    localChecklists,
  };
}

const CHINESE_NUMERALS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/**
 * A batch's name: "2024年度第一批" / "2024 batch 1".
 *
 * @example
 * describeBatch({ year: 2024, seq: 1 }, "zh"); // "2024年度第一批"
 * describeBatch({ year: 2024, seq: 1 }, "en"); // "2024 batch 1"
 */
export function describeBatch(batch: { year: number; seq: number }, lang: Lang): string {
  if (lang === "en") return `${batch.year} batch ${batch.seq}`;
  return `${batch.year}年度第${CHINESE_NUMERALS[batch.seq] ?? String(batch.seq)}批`;
}
