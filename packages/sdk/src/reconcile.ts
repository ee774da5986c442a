import type { ResolvedChecklist, ResolvedMatter } from "@onething/dsl";
import type { Diagnostic, Jurisdiction, JurisdictionLevel, LocalizedMessage, LocalizedText, NotApplicableEntry, ProgressEntry, SourceDocument, SourceRange } from "@onething/schemas";
import type { Lang } from "./i18n.js";
import { reconcileDiagnostic } from "./reconcile-codes.js";

/**
 * Where a matter of the effective list stands in the tick-off (对账销号): landed (landed or verified), in
 * progress, planned, overdue (its due date passed and it has not landed), awaiting a higher-level plan,
 * not applicable locally, or missing from the ledger.
 */
export type ReconcileCategory = "landed" | "in-progress" | "planned" | "overdue" | "awaiting-plan" | "not-applicable" | "missing";

/** The categories in report order. */
export const RECONCILE_CATEGORIES: readonly ReconcileCategory[] = ["landed", "in-progress", "planned", "overdue", "awaiting-plan", "not-applicable", "missing"];

const CATEGORY_NAMES: Record<ReconcileCategory, LocalizedMessage> = {
  landed: { zh: "已落地", en: "Landed" },
  "in-progress": { zh: "推进中", en: "In progress" },
  planned: { zh: "计划中", en: "Planned" },
  overdue: { zh: "超期", en: "Overdue" },
  "awaiting-plan": { zh: "待上级方案", en: "Awaiting a plan" },
  "not-applicable": { zh: "不适用", en: "Not applicable" },
  missing: { zh: "未对账", en: "Missing" },
};

/**
 * The label of a category: 已落地 / Landed, 推进中 / In progress, …
 *
 * @example
 * describeCategory("landed", "zh"); // "已落地"
 * describeCategory("overdue", "en"); // "Overdue"
 */
export function describeCategory(category: ReconcileCategory, lang: Lang): string {
  return CATEGORY_NAMES[category][lang];
}

/** Why a matter does not apply locally (the `basis` of a checklist's `notApplicable` entry). */
export type NotApplicableBasis = NonNullable<NotApplicableEntry["basis"]>;

const BASIS_NAMES: Record<NotApplicableBasis, LocalizedMessage> = {
  "national-level": { zh: "国家层面办理", en: "handled at national level" },
  "provincial-level": { zh: "省级层面办理", en: "handled at provincial level" },
  "not-present": { zh: "本地无此情形", en: "not present locally" },
  other: { zh: "其他原因", en: "other reasons" },
};

/**
 * The label of a not-applicable basis: 国家层面办理 / handled at national level, …
 *
 * @example
 * describeBasis("national-level", "zh"); // "国家层面办理"
 * describeBasis(undefined, "en"); // "other reasons"
 */
export function describeBasis(basis: NotApplicableBasis | undefined, lang: Lang): string {
  return BASIS_NAMES[basis ?? "other"][lang];
}

/** One matter of the effective list and where it stands. */
export interface ReconciledMatter {
  /** The matter's id in the checklist. */
  id: string;
  /** The matter's name. */
  name: LocalizedText;
  /** The matter's subject (enterprise, individual, project). */
  subject: string;
  /** The matter's lifecycle stage. */
  stage: string;
  /** The checklist that defines the matter (a national list for an inherited matter). */
  definedIn: string;
  /** The jurisdiction level of that checklist, when it declares one. */
  level?: JurisdictionLevel;
  /** Where the matter stands. */
  category: ReconcileCategory;
  /** The ledger entry's status, when the ledger has an entry. */
  status?: ProgressEntry["status"];
  /** The ledger entry's place (JSON Pointer and range of its `matter` value), when there is one. */
  entry?: { pointer: string; range?: SourceRange };
  /** The former id the ledger entry used, when it was mapped through `formerIds`. */
  formerId?: string;
  /** The due date that applies: the entry's, else the matter's. */
  dueDate?: string;
  /** Where the due date comes from. */
  dueFrom?: "entry" | "matter";
  /** The date the entry's status was reached. */
  since?: string;
  /** The entry's reason, else (for a matter the list marks not applicable) the list's reason. */
  reason?: LocalizedText;
  /** For a not-applicable matter: the basis the list gives (absent when neither the list nor the ledger says). */
  basis?: NotApplicableBasis;
  /** Number of evidence sources the entry lists. */
  evidence: number;
  /** The entry's note. */
  note?: string;
}

/** A ledger entry that named a matter by one of its former ids. */
export interface FormerIdMapping {
  /** The id the entry used. */
  from: string;
  /** The matter's current id. */
  to: string;
  /** JSON Pointer of the entry's `matter` value. */
  pointer: string;
  /** Its span in the ledger file. */
  range?: SourceRange;
}

/** A ledger entry that names no matter of the list. */
export interface UnknownEntry {
  /** The id the entry used. */
  matter: string;
  /** The entry's status. */
  status: string;
  /** JSON Pointer of the entry's `matter` value. */
  pointer: string;
  /** Its span in the ledger file. */
  range?: SourceRange;
}

/** Counts of not-applicable matters by basis. */
export interface NotApplicableCounts {
  /** Handled at national level. */
  nationalLevel: number;
  /** Handled at provincial level. */
  provincialLevel: number;
  /** Not present locally, other reasons, or no basis given. */
  other: number;
}

/** The figures a city reports after a tick-off, and the sentence that reports them. */
export interface ReconcileSummary {
  /** Matters of the effective list. */
  total: number;
  /** Of them, matters defined by a national list. */
  national: number;
  /** Matters pushed locally: total − not applicable − awaiting a higher-level plan. */
  pushed: number;
  /** Matters per category. */
  counts: Record<ReconcileCategory, number>;
  /** Not-applicable matters by basis. */
  notApplicable: NotApplicableCounts;
  /** The summary sentence, in the shape of a city's report. */
  sentence: LocalizedMessage;
}

/** What `reconcile` returns: every matter's category, the ledger's loose ends and the summary. */
export interface ReconcileReport {
  /** The checklist reconciled against. */
  checklist: { id: string; title: LocalizedText; version: string; file: string; jurisdiction?: Jurisdiction };
  /** The ledger. */
  progress: { id?: string; title?: LocalizedText; file: string; pinned: { id?: string; version?: string }; asOf?: string; jurisdiction?: Jurisdiction };
  /** The date overdue is judged against, `YYYY-MM-DD`. */
  today: string;
  /** Every matter of the effective list, in list order. */
  matters: ReconciledMatter[];
  /** Entries mapped through `formerIds`. */
  mapped: FormerIdMapping[];
  /** Entries naming no matter of the list. */
  unknown: UnknownEntry[];
  /** Counts and the summary sentence. */
  summary: ReconcileSummary;
  /** Findings about the ledger (version mismatch, unknown or duplicate entries), located in the ledger file. */
  diagnostics: Diagnostic[];
}

/** Options of `reconcile`. */
export interface ReconcileOptions {
  /** The effective (resolved) checklist the ledger ticks off. */
  checklist: ResolvedChecklist;
  /** The Progress document (a parsed document whose value is a `ProgressDocument`); read defensively. */
  progress: SourceDocument;
  /** The date overdue is judged against, `YYYY-MM-DD`. */
  today: string;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asText(value: unknown): LocalizedText | undefined {
  if (!isObject(value) || typeof value["zh"] !== "string") return undefined;
  return typeof value["en"] === "string" ? { zh: value["zh"], en: value["en"] } : { zh: value["zh"] };
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

const STATUSES = new Set<string>(["planned", "in-progress", "landed", "verified", "not-applicable", "awaiting-plan"]);

interface LedgerEntry {
  index: number;
  matter: string;
  status: ProgressEntry["status"];
  value: Json;
}

/** Whether a due date (`YYYY-MM-DD`, or `YYYY-MM` meaning the month's end) lies before `today`. */
function isPast(dueDate: string, today: string): boolean {
  return (/^\d{4}-\d{2}$/u.test(dueDate) ? `${dueDate}-31` : dueDate) < today;
}

function located(document: SourceDocument, pointer: string): { pointer: string; range?: SourceRange } {
  const range = document.locate(pointer, "value");
  return range === undefined ? { pointer } : { pointer, range };
}

function categorize(options: { entry: LedgerEntry | undefined; matter: ResolvedMatter; dueDate: string | undefined; today: string }): ReconcileCategory {
  const { entry, matter, dueDate, today } = options;
  if (entry === undefined) return matter.notApplicable === undefined ? "missing" : "not-applicable";
  switch (entry.status) {
    case "landed":
    case "verified":
      return "landed";
    case "not-applicable":
      return "not-applicable";
    default:
      return dueDate !== undefined && isPast(dueDate, today) ? "overdue" : entry.status;
  }
}

/**
 * Ticks a Progress ledger off against the effective list, matter by matter: each matter of the list gets a
 * category (landed, in progress, planned, overdue, awaiting a plan, not applicable, missing); entries that
 * name a former id are mapped through the list's `formerIds`; entries naming no matter are reported. The
 * summary counts what a city reports. Never throws: a malformed ledger yields what can be read of it.
 *
 * @example
 * const report = reconcile({ checklist: qingdao, progress: ledgerDocument, today: "2025-07-01" });
 * console.log(report.summary.sentence.zh);
 */
export function reconcile(options: ReconcileOptions): ReconcileReport {
  const { checklist, progress, today } = options;
  const diagnostics: Diagnostic[] = [];
  const root = isObject(progress.value) ? progress.value : {};
  const metadata = isObject(root["metadata"]) ? root["metadata"] : {};
  const spec = isObject(root["spec"]) ? root["spec"] : {};
  const pin = isObject(spec["checklist"]) ? spec["checklist"] : {};
  const pinnedVersion = asString(pin["version"]);
  const pinnedId = asString(pin["id"]);

  if (pinnedVersion !== undefined && pinnedVersion !== checklist.version) {
    diagnostics.push(
      reconcileDiagnostic("progress-version-mismatch", {
        message: {
          zh: `台账锁定清单 ${checklist.id} 的版本 ${pinnedVersion}，当前版本为 ${checklist.version}`,
          en: `The ledger pins version ${pinnedVersion} of ${checklist.id}; the current version is ${checklist.version}`,
        },
        hint: {
          zh: `核对两个版本之间的变化后，把 spec.checklist.version 改为 ${checklist.version}。`,
          en: `Review what changed between the versions, then set spec.checklist.version to ${checklist.version}.`,
        },
        file: progress.path,
        ...located(progress, "/spec/checklist/version"),
      }),
    );
  }

  const byId = new Map(checklist.matters.map((matter) => [matter.id, matter]));
  const byFormerId = new Map<string, string>();
  for (const matter of checklist.matters) {
    for (const former of matter.value.formerIds ?? []) if (!byId.has(former) && !byFormerId.has(former)) byFormerId.set(former, matter.id);
  }

  const entries = new Map<string, LedgerEntry>();
  const mapped: FormerIdMapping[] = [];
  const unknown: UnknownEntry[] = [];
  const rawEntries = Array.isArray(spec["entries"]) ? spec["entries"] : [];
  rawEntries.forEach((raw, index) => {
    if (!isObject(raw)) return;
    const matter = asString(raw["matter"]);
    const status = asString(raw["status"]);
    if (matter === undefined || status === undefined || !STATUSES.has(status)) return;
    const place = located(progress, `/spec/entries/${index}/matter`);
    let id = matter;
    if (!byId.has(matter)) {
      const current = byFormerId.get(matter);
      if (current === undefined) {
        unknown.push({ matter, status, ...place });
        diagnostics.push(
          reconcileDiagnostic("progress-unknown-matter", {
            message: {
              zh: `清单 ${checklist.id} 中没有一件事 ${matter}，也没有以它为曾用标识的事项；该条目不计入对账`,
              en: `The checklist ${checklist.id} has no matter ${matter}, nor one with it as a former id; the entry is left out`,
            },
            hint: { zh: "改用清单中一件事的标识，或在该事项的 formerIds 中登记旧标识。", en: "Use the id of a matter of the list, or record the old id in that matter's formerIds." },
            file: progress.path,
            ...place,
          }),
        );
        return;
      }
      id = current;
      mapped.push({ from: matter, to: current, ...place });
      diagnostics.push(
        reconcileDiagnostic("progress-former-id", {
          message: { zh: `条目使用曾用标识 ${matter}，已对应到 ${current}`, en: `The entry uses the former id ${matter}, mapped to ${current}` },
          hint: { zh: `把 matter 改为 ${current}。`, en: `Change matter to ${current}.` },
          file: progress.path,
          ...place,
        }),
      );
    }
    const first = entries.get(id);
    if (first !== undefined) {
      diagnostics.push(
        reconcileDiagnostic("progress-duplicate-entry", {
          message: { zh: `一件事 ${id} 在台账中已有条目，此条目被忽略`, en: `The matter ${id} already has an entry in the ledger; this one is ignored` },
          file: progress.path,
          ...place,
          related: [{ file: progress.path, ...located(progress, `/spec/entries/${first.index}/matter`), message: { zh: "第一个条目", en: "the first entry" } }],
        }),
      );
      return;
    }
    entries.set(id, { index, matter, status: status as ProgressEntry["status"], value: raw });
  });

  const matters = checklist.matters.map((matter) => reconcileMatter({ matter, entry: entries.get(matter.id), progress, today }));
  const summary = summarize(matters);
  const jurisdiction = isObject(metadata["jurisdiction"]) ? (metadata["jurisdiction"] as unknown as Jurisdiction) : undefined;
  const title = asText(metadata["title"]);
  const id = asString(metadata["id"]);
  const asOf = asString(spec["asOf"]);
  return {
    checklist: {
      id: checklist.id,
      title: checklist.title,
      version: checklist.version,
      file: checklist.file,
      ...(checklist.jurisdiction === undefined ? {} : { jurisdiction: checklist.jurisdiction }),
    },
    progress: {
      ...(id === undefined ? {} : { id }),
      ...(title === undefined ? {} : { title }),
      file: progress.path,
      pinned: { ...(pinnedId === undefined ? {} : { id: pinnedId }), ...(pinnedVersion === undefined ? {} : { version: pinnedVersion }) },
      ...(asOf === undefined ? {} : { asOf }),
      ...(jurisdiction === undefined ? {} : { jurisdiction }),
    },
    today,
    matters,
    mapped,
    unknown,
    summary,
    diagnostics,
  };
}

function reconcileMatter(options: { matter: ResolvedMatter; entry: LedgerEntry | undefined; progress: SourceDocument; today: string }): ReconciledMatter {
  const { matter, entry, progress, today } = options;
  const value = matter.value;
  const entryDue = entry === undefined ? undefined : asString(entry.value["dueDate"]);
  const dueDate = entryDue ?? value.dueDate;
  const dueFrom = entryDue !== undefined ? "entry" : value.dueDate !== undefined ? "matter" : undefined;
  const category = categorize({ entry, matter, dueDate, today });
  const reason = (entry === undefined ? undefined : asText(entry.value["reason"])) ?? (category === "not-applicable" ? matter.notApplicable?.reason : undefined);
  const basis = category === "not-applicable" ? matter.notApplicable?.basis : undefined;
  const since = entry === undefined ? undefined : asString(entry.value["since"]);
  const note = entry === undefined ? undefined : asString(entry.value["note"]);
  const evidence = entry !== undefined && Array.isArray(entry.value["evidence"]) ? entry.value["evidence"].length : 0;
  return {
    id: matter.id,
    name: value.name,
    subject: value.subject,
    stage: value.stage,
    definedIn: matter.definedIn.checklist,
    ...(matter.definedIn.level === undefined ? {} : { level: matter.definedIn.level }),
    category,
    ...(entry === undefined ? {} : { status: entry.status, entry: located(progress, `/spec/entries/${entry.index}/matter`) }),
    ...(entry !== undefined && entry.matter !== matter.id ? { formerId: entry.matter } : {}),
    ...(dueDate === undefined ? {} : { dueDate }),
    ...(dueFrom === undefined ? {} : { dueFrom }),
    ...(since === undefined ? {} : { since }),
    ...(reason === undefined ? {} : { reason }),
    ...(basis === undefined ? {} : { basis }),
    evidence,
    ...(note === undefined ? {} : { note }),
  };
}

function summarize(matters: readonly ReconciledMatter[]): ReconcileSummary {
  const counts = Object.fromEntries(RECONCILE_CATEGORIES.map((category) => [category, 0])) as Record<ReconcileCategory, number>;
  const notApplicable: NotApplicableCounts = { nationalLevel: 0, provincialLevel: 0, other: 0 };
  for (const matter of matters) {
    counts[matter.category] += 1;
    if (matter.category !== "not-applicable") continue;
    if (matter.basis === "national-level") notApplicable.nationalLevel += 1;
    else if (matter.basis === "provincial-level") notApplicable.provincialLevel += 1;
    else notApplicable.other += 1;
  }
  const total = matters.length;
  const national = matters.filter((matter) => matter.level === "national").length;
  const pushed = total - counts["not-applicable"] - counts["awaiting-plan"];
  const summary = { total, national, pushed, counts, notApplicable };
  return { ...summary, sentence: { zh: sentence(summary, "zh"), en: sentence(summary, "en") } };
}

/**
 * The summary in the shape of a city's report: "共 33 个国家重点事项：推进 28 个，其中已落地 22 个……；
 * 不适用 2 个（国家层面办理 1 个、省级层面办理 1 个）；待上级方案 3 个。"
 */
function sentence(summary: Omit<ReconcileSummary, "sentence">, lang: Lang): string {
  const { total, national, pushed, counts, notApplicable } = summary;
  const zh = lang === "zh";
  const local = total - national;
  const scope = zh
    ? national === total && total > 0 ? `${total} 个国家重点事项` : national > 0 ? `${total} 个事项（国家 ${national} 个、本地 ${local} 个）` : `${total} 个事项`
    : national === total && total > 0 ? `${total} national matters` : national > 0 ? `${total} matters (${national} national, ${local} local)` : `${total} matters`;
  const progressParts = (["in-progress", "planned", "overdue", "missing"] as const)
    .filter((category) => counts[category] > 0)
    .map((category) => (zh ? `${describeCategory(category, "zh")} ${counts[category]} 个` : `${counts[category]} ${category === "missing" ? "missing from the ledger" : describeCategory(category, "en").toLowerCase()}`));
  const basisParts = [
    ["national-level", notApplicable.nationalLevel],
    ["provincial-level", notApplicable.provincialLevel],
    ["other", notApplicable.other],
  ]
    .filter(([, count]) => (count as number) > 0)
    .map(([basis, count]) => (zh ? `${describeBasis(basis as NotApplicableBasis, "zh")} ${count} 个` : `${count} ${describeBasis(basis as NotApplicableBasis, "en")}`));
  if (zh) {
    const pushedPart = `推进 ${pushed} 个，其中已落地 ${counts.landed} 个${progressParts.length > 0 ? `、${progressParts.join("、")}` : ""}`;
    const naPart = `不适用 ${counts["not-applicable"]} 个${basisParts.length > 0 ? `（${basisParts.join("、")}）` : ""}`;
    return `共 ${scope}：${pushedPart}；${naPart}；待上级方案 ${counts["awaiting-plan"]} 个。`;
  }
  const pushedPart = `${pushed} pushed (${[`${counts.landed} landed`, ...progressParts].join(", ")})`;
  const naPart = `${counts["not-applicable"]} not applicable${basisParts.length > 0 ? ` (${basisParts.join(", ")})` : ""}`;
  return `Of ${scope}: ${pushedPart}; ${naPart}; ${counts["awaiting-plan"]} awaiting a higher-level plan.`;
}

/** Options of `reconcileDocuments`. */
export interface ReconcileDocumentsOptions {
  /** The project's documents; every Progress document among them is reconciled. */
  documents: readonly SourceDocument[];
  /** Effective checklists by id (as `resolveChecklists` returns them). */
  checklists: ReadonlyMap<string, ResolvedChecklist>;
  /** The date overdue is judged against, `YYYY-MM-DD`. */
  today: string;
  /** Reconcile only the ledger with this `metadata.id`. Default: every ledger. */
  progress?: string;
}

/**
 * The Progress ledgers among the documents, in document order.
 *
 * @example
 * listProgressDocuments(project.documents).map((document) => document.path);
 * // ["checklists/local/shandong/qingdao-progress.yaml"]
 */
export function listProgressDocuments<T extends SourceDocument>(documents: readonly T[]): T[] {
  return documents.filter((document) => isObject(document.value) && document.value["kind"] === "Progress");
}

/**
 * Reconciles every Progress ledger of a project (or the one named by `progress`) against the checklist it
 * pins. A ledger whose checklist is not among `checklists` gets a `progress-unknown-checklist` diagnostic
 * at its `spec.checklist.id` instead of a report.
 *
 * @example
 * const { checklists } = resolveChecklists({ documents });
 * const { reports } = reconcileDocuments({ documents, checklists, today: "2025-07-01" });
 */
export function reconcileDocuments(options: ReconcileDocumentsOptions): { reports: ReconcileReport[]; diagnostics: Diagnostic[] } {
  const reports: ReconcileReport[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const document of listProgressDocuments(options.documents)) {
    const root = document.value as Json;
    const metadata = isObject(root["metadata"]) ? root["metadata"] : {};
    if (options.progress !== undefined && metadata["id"] !== options.progress) continue;
    const spec = isObject(root["spec"]) ? root["spec"] : {};
    const pin = isObject(spec["checklist"]) ? spec["checklist"] : {};
    const id = asString(pin["id"]);
    const checklist = id === undefined ? undefined : options.checklists.get(id);
    if (checklist === undefined) {
      diagnostics.push(
        reconcileDiagnostic("progress-unknown-checklist", {
          message: { zh: `台账所指的清单 ${id ?? "（未填写）"} 不存在或无法解析`, en: `The checklist ${id ?? "(none)"} the ledger pins does not exist or could not be resolved` },
          hint: { zh: "检查 spec.checklist.id，并确认该清单在加载的路径中。", en: "Check spec.checklist.id and that the checklist is among the loaded paths." },
          file: document.path,
          ...located(document, "/spec/checklist/id"),
        }),
      );
      continue;
    }
    reports.push(reconcile({ checklist, progress: document, today: options.today }));
  }
  return { reports, diagnostics };
}
