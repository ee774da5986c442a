import { describeBatch, type BatchKey, type Lang, type LocalizedText, type ReductionGroup, type ReductionGrouping, type ReductionMetric, type TaxonomyDocument } from "@onething/sdk";

const SUBJECT_NAMES: Record<string, LocalizedText> = {
  enterprise: { zh: "经营主体", en: "Business entities" },
  individual: { zh: "个人", en: "Individuals" },
  project: { zh: "工程建设项目", en: "Construction projects" },
};

const METRIC_NAMES: Record<ReductionMetric, LocalizedText> = {
  steps: { zh: "办理环节", en: "steps" },
  days: { zh: "办理时间（天）", en: "time (days)" },
  materials: { zh: "申请材料", en: "materials" },
  trips: { zh: "跑动次数", en: "trips" },
  formFields: { zh: "表单字段", en: "form fields" },
};

const STATUS_NAMES: Record<string, LocalizedText> = {
  planned: { zh: "计划", en: "planned" },
  "in-progress": { zh: "推进中", en: "in progress" },
  landed: { zh: "已落地", en: "landed" },
  verified: { zh: "已核验", en: "verified" },
  retired: { zh: "已退出", en: "retired" },
  "not-applicable": { zh: "不适用", en: "not applicable" },
};

/** The text of a localized value in `lang` (English falls back to Chinese). */
export function pickText(text: LocalizedText, lang: Lang): string {
  return lang === "en" && text.en !== undefined && text.en !== "" ? text.en : text.zh;
}

/** The name of `key` in a table of names, in `lang`; the key itself when the table does not know it. */
export function pickName(names: Readonly<Record<string, LocalizedText>>, key: string, lang: Lang): string {
  const name = names[key];
  return name === undefined ? key : pickText(name, lang);
}

/** Names subjects, stages, batches, departments and metrics for `stats` and `export` output. */
export class Namer {
  readonly #lang: Lang;
  readonly #subjects = new Map<string, LocalizedText>();
  readonly #stages = new Map<string, LocalizedText>();
  readonly #departments: ReadonlyMap<string, LocalizedText>;

  /** Takes the names from the taxonomy and the department registries, when given. */
  constructor(options: { lang: Lang; taxonomy?: TaxonomyDocument; departments?: ReadonlyMap<string, LocalizedText> }) {
    this.#lang = options.lang;
    this.#departments = options.departments ?? new Map();
    for (const subject of options.taxonomy?.spec.subjects ?? []) {
      this.#subjects.set(subject.id, subject.name);
      for (const stage of subject.stages) this.#stages.set(`${subject.id}/${stage.id}`, stage.name);
    }
  }

  /** The output language. */
  get lang(): Lang {
    return this.#lang;
  }

  /** A localized text in the output language. */
  text(text: LocalizedText): string {
    return pickText(text, this.#lang);
  }

  /** 个人 / Individuals. */
  subject(subject: string): string {
    const name = this.#subjects.get(subject) ?? SUBJECT_NAMES[subject];
    return name === undefined ? subject : this.text(name);
  }

  /** 出生 / Birth (the id when the taxonomy does not know the stage). */
  stage(subject: string, stage: string): string {
    const name = this.#stages.get(`${subject}/${stage}`);
    return name === undefined ? stage : this.text(name);
  }

  /** A department's name from the registry, else its id. */
  department(id: string): string {
    const name = this.#departments.get(id);
    return name === undefined ? id : this.text(name);
  }

  /** 2024年度第一批 / 2024 batch 1. */
  batch(batch: BatchKey): string {
    return describeBatch(batch, this.#lang);
  }

  /** 跑动次数 / trips. */
  metric(metric: ReductionMetric): string {
    return this.text(METRIC_NAMES[metric]);
  }

  /** 已落地 / landed. */
  status(status: string): string {
    return pickName(STATUS_NAMES, status, this.#lang);
  }

  /** The name of a reduction group: 合计, 个人, 个人 · 出生, 2024年度第一批, a department, or the `none` group's label. */
  group(group: ReductionGroup, by: ReductionGrouping): string {
    const zh = this.#lang === "zh";
    if (group.key === "overall") return zh ? "合计" : "Overall";
    if (group.stage !== undefined && group.subject !== undefined) return `${this.subject(group.subject)} · ${this.stage(group.subject, group.stage)}`;
    if (group.subject !== undefined) return this.subject(group.subject);
    if (group.batch !== undefined) return this.batch(group.batch);
    if (group.department !== undefined) return this.department(group.department);
    if (by === "batch") return zh ? "未标注批次" : "no batch given";
    return zh ? "未明确牵头部门" : "no lead department given";
  }

  /** Joins list values: "、" in Chinese, "; " in English. */
  join(values: readonly string[]): string {
    return values.join(this.#lang === "zh" ? "、" : "; ");
  }
}
