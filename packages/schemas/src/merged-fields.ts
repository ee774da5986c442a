import type { Metrics, OneStop, SmartServices } from "./types.js";

/**
 * The fields of a matter that a patch (`spec.patches[].set`) merges one level deep instead of replacing, each with
 * its members in the data standard's order: a patch setting `metrics.trips` keeps the matter's other metrics.
 */
export const MERGED_MEMBERS = {
  metrics: ["steps", "days", "materials", "trips", "formFields"],
  oneStop: ["notice", "form", "materials", "window", "online"],
  smart: ["prefillRate", "submissionFreeRate", "firstPassRateChange", "applicationMinutes"],
} as const satisfies {
  metrics: ReadonlyArray<keyof Metrics>;
  oneStop: ReadonlyArray<keyof OneStop>;
  smart: ReadonlyArray<keyof SmartServices>;
};

// Fails to compile when the standard gains a member of one of these objects that the lists above lack.
const everyMember: {
  metrics: Record<Exclude<keyof Metrics, (typeof MERGED_MEMBERS.metrics)[number]>, never>;
  oneStop: Record<Exclude<keyof OneStop, (typeof MERGED_MEMBERS.oneStop)[number]>, never>;
  smart: Record<Exclude<keyof SmartServices, (typeof MERGED_MEMBERS.smart)[number]>, never>;
} = { metrics: {}, oneStop: {}, smart: {} };
void everyMember;

/** A field of a matter that a patch merges member by member: `metrics`, `oneStop` or `smart`. */
export type MergedField = keyof typeof MERGED_MEMBERS;

/**
 * Whether a patch merges this field of a matter member by member (see {@link MERGED_MEMBERS}) rather than
 * replacing it.
 *
 * @example
 * isMergedField("metrics"); // true: a patch of metrics.trips keeps metrics.steps
 * isMergedField("owners"); // false: a patch of owners replaces them whole
 */
export function isMergedField(field: string): field is MergedField {
  return Object.prototype.hasOwnProperty.call(MERGED_MEMBERS, field);
}
