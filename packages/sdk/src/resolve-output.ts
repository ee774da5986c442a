import type { Provenance, ResolvedChecklist } from "@onething/dsl";
import type { Jurisdiction, LocalizedText, Matter, NotApplicableEntry } from "@onething/schemas";

/** Options of `toResolvedData`. */
export interface ResolvedDataOptions {
  /** Add per matter an `origin` map (field → "file:line") and where the matter is defined. Default: false. */
  withOrigin?: boolean;
}

/** One matter of the effective list as plain data. */
export type ResolvedMatterData = Matter & {
  /** Set when a list in the chain marked the matter not applicable locally. */
  notApplicable?: { reason: LocalizedText; basis?: NotApplicableEntry["basis"]; origin?: string };
  /** With `withOrigin`: the checklist and "file:line" that define the matter. */
  definedIn?: { checklist: string; at: string };
  /** With `withOrigin`: "file:line" per field path (`name`, `owners`, `metrics.trips`, …). */
  origin?: Record<string, string>;
};

/** The effective list as plain data, ready to be written as YAML or JSON. */
export interface ResolvedData {
  /** `metadata.id` of the checklist. */
  id: string;
  /** `metadata.title`. */
  title: LocalizedText;
  /** `metadata.version`. */
  version: string;
  /** `metadata.jurisdiction`, when declared. */
  jurisdiction?: Jurisdiction;
  /** Every checklist it builds on, bases first, ending with this one. */
  chain: string[];
  /** Number of effective matters. */
  count: number;
  /** The effective matters in list order. */
  matters: ResolvedMatterData[];
}

/**
 * A provenance as "file:line" (just the file when the line is unknown).
 *
 * @example
 * const national = resolveChecklist(project, "cn.national.2024-1");
 * formatProvenance(national.matters[0]!.definedIn); // "checklists/national/2024-1.yaml:29"
 */
export function formatProvenance(provenance: Provenance): string {
  return provenance.range === undefined ? provenance.file : `${provenance.file}:${provenance.range.start.line}`;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Turns an effective checklist into plain data (no functions, no source ranges) for YAML or JSON output;
 * with `withOrigin`, each matter also says where it and each of its fields come from as "file:line".
 *
 * @example
 * const data = toResolvedData(qingdao, { withOrigin: true });
 * process.stdout.write(JSON.stringify(data, null, 2));
 */
export function toResolvedData(checklist: ResolvedChecklist, options: ResolvedDataOptions = {}): ResolvedData {
  const withOrigin = options.withOrigin === true;
  const matters = checklist.matters.map((matter) => {
    const data: ResolvedMatterData = clone(matter.value);
    if (matter.notApplicable !== undefined) {
      const { reason, basis, origin } = matter.notApplicable;
      data.notApplicable = { reason: clone(reason), ...(basis === undefined ? {} : { basis }), ...(withOrigin ? { origin: formatProvenance(origin) } : {}) };
    }
    if (withOrigin) {
      data.definedIn = { checklist: matter.definedIn.checklist, at: formatProvenance(matter.definedIn) };
      data.origin = Object.fromEntries(Object.entries(matter.origin).map(([field, provenance]) => [field, formatProvenance(provenance)]));
    }
    return data;
  });
  return {
    id: checklist.id,
    title: clone(checklist.title),
    version: checklist.version,
    ...(checklist.jurisdiction === undefined ? {} : { jurisdiction: clone(checklist.jurisdiction) }),
    chain: [...checklist.chain],
    count: matters.length,
    matters,
  };
}
