import type { LocalizedMessage } from "@onething/schemas";
import { FIELD_LABELS, METRIC_LABELS, STATUS_LABELS, UNIT_LABELS, type Lang } from "./labels.js";
import { isRecord } from "./values.js";

/** Finds the name of one ref (a `Map` is one). */
export interface NameLookup {
  /** The name of `ref`, or undefined when none is known. */
  get(ref: string): LocalizedMessage | undefined;
}

/** Names known from the input, used to write refs as names. */
export interface NameIndex {
  /** Department names by ref (`dept.nhc`). */
  departments: NameLookup;
  /** Service-item names by ref (`item.birth-registration`). */
  items: NameLookup;
}

/** Builds a message from a function that writes it in one language. */
export function both(write: (lang: Lang) => string): LocalizedMessage {
  return { zh: write("zh"), en: write("en") };
}

/** A LocalizedText value (`{ zh, en? }`) as a message, English falling back to Chinese. */
export function toMessage(value: unknown): LocalizedMessage | undefined {
  if (!isLocalizedText(value)) return undefined;
  const en = typeof value["en"] === "string" && value["en"] !== "" ? value["en"] : value["zh"];
  return { zh: value["zh"], en };
}

/** Whether a value is a LocalizedText: an object with a string `zh` and at most `en` besides. */
export function isLocalizedText(value: unknown): value is { zh: string; en?: string } {
  if (!isRecord(value) || typeof value["zh"] !== "string") return false;
  // A loop, not Object.keys().every(): the diff asks this of every name it meets.
  for (const key in value) if (key !== "zh" && key !== "en" && Object.prototype.hasOwnProperty.call(value, key)) return false;
  return true;
}

/** Whether a value is a Duration: `{ value, unit, note? }`. */
export function isDuration(value: unknown): value is { value: number; unit: string; note?: string } {
  return isRecord(value) && typeof value["value"] === "number" && typeof value["unit"] === "string";
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, " ");
  // No more UTF-16 units than `max`, so no more characters: most texts, and nothing to split.
  if (flat.length <= max) return flat;
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join("")}…`;
}

/** A short one-line rendering of a text for messages. */
export function quote(text: string, lang: Lang): string {
  const short = truncate(text, 60);
  return lang === "zh" ? `“${short}”` : `"${short}"`;
}

/** A number with its unit when the value is a Duration (`5 个工作日`, `5 working days`). */
export function formatDuration(value: { value: number; unit: string }, lang: Lang): string {
  const unit = UNIT_LABELS[value.unit]?.[lang] ?? value.unit;
  return `${value.value} ${unit}`;
}

/** A batch key as a reader writes it: `2025年第1批`, `2025 batch 1`. */
export function formatBatch(value: unknown, lang: Lang): string | undefined {
  if (!isRecord(value) || typeof value["year"] !== "number" || typeof value["seq"] !== "number") return undefined;
  return lang === "zh" ? `${value["year"]}年第${value["seq"]}批` : `${value["year"]} batch ${value["seq"]}`;
}

/** Formats a value for a message: refs as names, statuses and booleans as words, lists joined. */
export function formatValue(value: unknown, options: { lang: Lang; names: NameIndex; key?: string }): string {
  const { lang, names, key } = options;
  if (value === undefined || value === null) return lang === "zh" ? "（无）" : "(none)";
  if (typeof value === "boolean") return lang === "zh" ? (value ? "是" : "否") : value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (key === "status") return STATUS_LABELS[value]?.[lang] ?? value;
    const department = names.departments.get(value);
    if (department !== undefined) return lang === "zh" ? `${department.zh}（${value}）` : `${department.en} (${value})`;
    const item = names.items.get(value);
    if (item !== undefined) return lang === "zh" ? `${item.zh}（${value}）` : `${item.en} (${value})`;
    return value;
  }
  const text = toMessage(value);
  if (text !== undefined) return quote(text[lang], lang);
  if (isDuration(value)) return formatDuration(value, lang);
  const batch = formatBatch(value, lang);
  if (batch !== undefined) return batch;
  if (Array.isArray(value)) {
    if (value.every((element) => typeof element !== "object" || element === null)) {
      return value.map((element) => formatValue(element, { lang, names })).join(lang === "zh" ? "、" : ", ");
    }
    return lang === "zh" ? `${value.length} 项` : `${value.length} ${value.length === 1 ? "entry" : "entries"}`;
  }
  if (isRecord(value)) {
    const name = toMessage(value["name"]);
    if (name !== undefined) return quote(name[lang], lang);
    if (typeof value["title"] === "string") return quote(value["title"], lang);
    return truncate(JSON.stringify(value), 80);
  }
  return String(value);
}

function fieldLabel(key: string): LocalizedMessage {
  return FIELD_LABELS[key] ?? { zh: key, en: key };
}

/**
 * The name of a field from the keys below its entity: `["metrics", "trips", "after"]` → 跑动次数,
 * `["metrics", "trips", "before"]` → 跑动次数（改革前）, `["oneStop", "notice"]` → “五个一” · 一次告知.
 */
export function labelKeys(keys: readonly string[]): LocalizedMessage {
  const shown = keys.filter((key, index) => !(index === 0 && (key === "spec" || key === "metadata")) && !(key === "owners" && index === keys.length - 2));
  const metricAt = shown[0] === "metrics" ? 1 : shown[0] === "smart" && shown[1] === "applicationMinutes" ? 1 : -1;
  if (metricAt >= 0 && shown.length > metricAt) {
    const metric = METRIC_LABELS[shown[metricAt] as string] ?? fieldLabel(shown[metricAt] as string);
    const rest = shown.slice(metricAt + 1);
    if (rest.length === 0 || (rest.length === 1 && rest[0] === "after")) return metric;
    const detail = rest.map(fieldLabel);
    return both((lang) => `${metric[lang]}${lang === "zh" ? "（" : " ("}${detail.map((d) => d[lang]).join(" · ")}${lang === "zh" ? "）" : ")"}`);
  }
  if (shown.length === 0) return { zh: "内容", en: "content" };
  const labels = shown.map(fieldLabel);
  return both((lang) => labels.map((label) => label[lang]).join(" · "));
}

/** Joins an entity label and a field label: `政务服务事项“生育登记” · 跑动次数`. */
export function joinLabels(entity: LocalizedMessage | undefined, field: LocalizedMessage | undefined): LocalizedMessage {
  if (entity === undefined) return field ?? { zh: "内容", en: "content" };
  if (field === undefined) return entity;
  return both((lang) => `${entity[lang]} · ${field[lang]}`);
}
