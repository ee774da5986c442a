import type { Jurisdiction, LocalizedText } from "@onething/schemas";
import type { ParsedDocument } from "../parse.js";

/** A plain object of the document's data (never an array), or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** An own property of a plain object, never one inherited from a prototype. */
export function own(record: Record<string, unknown> | undefined, key: string): unknown {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asStrings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : undefined;
}

/** One `spec.extends` entry as far as it can be read. */
export interface ExtendsSource {
  /** Its position in `spec.extends`. */
  index: number;
  /** The base's id. */
  checklist: string;
  /** `select`, when it is a list. */
  select?: string[];
  /** `exclude`, when it is a list. */
  exclude?: string[];
}

/** One `spec.notApplicable` entry. */
export interface NotApplicableSource {
  /** Its position in `spec.notApplicable`. */
  index: number;
  /** The matter it names. */
  matter: string;
  /** The reason as written. */
  reason: unknown;
  /** The basis as written. */
  basis: unknown;
}

/** One `spec.patches` entry whose `set` is a mapping. */
export interface PatchSource {
  /** Its position in `spec.patches`. */
  index: number;
  /** The matter it changes. */
  matter: string;
  /** The fields to set. */
  set: Record<string, unknown>;
}

/** One of the list's own matters. */
export interface MatterSource {
  /** Its position in `spec.matters`. */
  index: number;
  /** Its id. */
  id: string;
  /** The matter as written. */
  value: Record<string, unknown>;
}

/** A Checklist document read defensively: what resolution needs, skipping entries it cannot use. */
export interface ChecklistSource {
  /** `metadata.id`. */
  id: string;
  /** The document. */
  document: ParsedDocument;
  /** `metadata.title` (an empty Chinese title when missing). */
  title: LocalizedText;
  /** `metadata.version` (empty when missing). */
  version: string;
  /** `metadata.jurisdiction`, when it is a mapping. */
  jurisdiction?: Jurisdiction;
  /** `metadata.jurisdiction.level`, when it is a string. */
  level?: Jurisdiction["level"];
  /** The usable `spec.extends` entries. */
  extends: ExtendsSource[];
  /** The usable `spec.notApplicable` entries. */
  notApplicable: NotApplicableSource[];
  /** The usable `spec.patches` entries. */
  patches: PatchSource[];
  /** The usable own matters. */
  matters: MatterSource[];
}

/** Reads a localized text, keeping only its `zh` and `en` strings. */
export function readLocalizedText(value: unknown): LocalizedText {
  const record = asRecord(value);
  const zh = own(record, "zh");
  const en = own(record, "en");
  return { zh: typeof zh === "string" ? zh : "", ...(typeof en === "string" ? { en } : {}) };
}

function readJurisdiction(value: unknown): Jurisdiction | undefined {
  const record = asRecord(value);
  if (record === undefined) return undefined;
  const level = own(record, "level");
  const division = own(record, "division");
  const name = own(record, "name");
  return {
    level: (typeof level === "string" ? level : "") as Jurisdiction["level"],
    division: typeof division === "string" ? division : "",
    ...(asRecord(name) === undefined ? {} : { name: readLocalizedText(name) }),
  };
}

/** Reads a Checklist document, or undefined when it is not a Checklist with a string `metadata.id`. */
export function readChecklist(document: ParsedDocument): ChecklistSource | undefined {
  const root = asRecord(document.value);
  if (own(root, "kind") !== "Checklist") return undefined;
  const metadata = asRecord(own(root, "metadata"));
  const id = own(metadata, "id");
  if (typeof id !== "string") return undefined;
  const spec = asRecord(own(root, "spec"));
  const version = own(metadata, "version");
  const jurisdiction = readJurisdiction(own(metadata, "jurisdiction"));
  const level = own(asRecord(own(metadata, "jurisdiction")), "level");

  const extendsEntries: ExtendsSource[] = [];
  asArray(own(spec, "extends")).forEach((entry, index) => {
    const record = asRecord(entry);
    const checklist = own(record, "checklist");
    if (typeof checklist !== "string") return;
    const select = asStrings(own(record, "select"));
    const exclude = asStrings(own(record, "exclude"));
    extendsEntries.push({
      index,
      checklist,
      ...(select === undefined ? {} : { select }),
      ...(exclude === undefined ? {} : { exclude }),
    });
  });

  const notApplicable: NotApplicableSource[] = [];
  asArray(own(spec, "notApplicable")).forEach((entry, index) => {
    const record = asRecord(entry);
    const matter = own(record, "matter");
    if (typeof matter !== "string") return;
    notApplicable.push({ index, matter, reason: own(record, "reason"), basis: own(record, "basis") });
  });

  const patches: PatchSource[] = [];
  asArray(own(spec, "patches")).forEach((entry, index) => {
    const record = asRecord(entry);
    const matter = own(record, "matter");
    const set = asRecord(own(record, "set"));
    if (typeof matter !== "string" || set === undefined) return;
    patches.push({ index, matter, set });
  });

  const matters: MatterSource[] = [];
  asArray(own(spec, "matters")).forEach((entry, index) => {
    const value = asRecord(entry);
    const matterId = own(value, "id");
    if (value === undefined || typeof matterId !== "string") return;
    matters.push({ index, id: matterId, value });
  });

  return {
    id,
    document,
    title: readLocalizedText(own(metadata, "title")),
    version: typeof version === "string" ? version : "",
    ...(jurisdiction === undefined ? {} : { jurisdiction }),
    ...(typeof level === "string" ? { level: level as Jurisdiction["level"] } : {}),
    extends: extendsEntries,
    notApplicable,
    patches,
    matters,
  };
}
