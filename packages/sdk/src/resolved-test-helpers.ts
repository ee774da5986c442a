import type { ResolvedChecklist, ResolvedMatter } from "@onething/dsl";
import type { Jurisdiction, Matter } from "@onething/schemas";

/** Builds a resolved matter from a partial matter (tests only); `notApplicable` marks it not applicable. */
export function resolvedMatter(fields: Partial<Matter> & { id: string }, options: { checklist?: string; notApplicable?: boolean } = {}): ResolvedMatter {
  const checklist = options.checklist ?? "cn.test";
  const value: Matter = { name: { zh: `${fields.id}一件事` }, subject: "individual", stage: "birth", confidence: "verified", ...fields };
  const definedIn = { checklist, file: `${checklist}.yaml`, pointer: "/spec/matters/0", via: "definition" as const };
  return {
    id: fields.id,
    value,
    definedIn,
    origin: {},
    ...(options.notApplicable === true ? { notApplicable: { reason: { zh: "由省级办理" }, basis: "provincial-level" as const, origin: definedIn } } : {}),
  };
}

/** Builds a resolved checklist holding `matters` (tests only). */
export function resolvedChecklist(options: { id?: string; matters: ResolvedMatter[]; jurisdiction?: Jurisdiction; chain?: string[] }): ResolvedChecklist {
  const id = options.id ?? "cn.test";
  return {
    id,
    title: { zh: `${id} 清单` },
    version: "1.0.0",
    ...(options.jurisdiction === undefined ? {} : { jurisdiction: options.jurisdiction }),
    file: `${id}.yaml`,
    chain: options.chain ?? [id],
    matters: options.matters,
  };
}
