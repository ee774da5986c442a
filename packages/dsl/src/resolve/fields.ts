import type { Matter } from "@onething/schemas";

/** Every field of a matter, in the data standard's order; results are built from these names only. */
export const MATTER_FIELDS = [
  "id",
  "formerIds",
  "name",
  "shortName",
  "subject",
  "stage",
  "batches",
  "owners",
  "items",
  "materials",
  "steps",
  "channels",
  "promisedTime",
  "metrics",
  "oneStop",
  "smart",
  "status",
  "dueDate",
  "locked",
  "confidence",
  "sources",
  "note",
] as const satisfies ReadonlyArray<keyof Matter>;

/** A field of a matter. */
export type MatterField = (typeof MATTER_FIELDS)[number];

// Fails to compile when the standard gains a matter field that the list above lacks.
const everyMatterField: Record<Exclude<keyof Matter, MatterField>, never> = {};
void everyMatterField;

/** A field a base matter can lock. */
export type LockField = NonNullable<Matter["locked"]>[number];

/** The lockable fields, in the data standard's order. */
export const LOCK_FIELDS = [
  "items",
  "steps",
  "days",
  "materials",
  "trips",
  "formFields",
  "promisedTime",
  "owners",
] as const satisfies ReadonlyArray<LockField>;

const everyLock: Record<Exclude<LockField, (typeof LOCK_FIELDS)[number]>, never> = {};
void everyLock;

/** The locks that guard a metric's `after` value (`metrics.<lock>.after`). */
export const METRIC_LOCKS = ["steps", "days", "materials", "trips", "formFields"] as const;

/** Whether a value is one of the lockable field names. */
export function isLockField(value: unknown): value is LockField {
  return typeof value === "string" && (LOCK_FIELDS as readonly string[]).includes(value);
}
