import type { ResolvedChecklist, ResolvedMatter } from "@onething/dsl";
import type { LocalizedText } from "@onething/schemas";

/** Options of `mergeChecklists`. */
export interface MergeChecklistsOptions {
  /** The resolved lists to merge, in the order their matters should appear. */
  checklists: readonly ResolvedChecklist[];
  /** The id of the merged view (not a document id). */
  id: string;
  /** The title of the merged view. */
  title: LocalizedText;
}

/**
 * One view over several resolved lists (for example every national annual list and the total list): their
 * matters in the order given, a matter that appears in more than one list kept once (its first
 * appearance). The view's `chain` lists every merged list's chain, its `version` reads `id@version` per
 * list joined by ", ", its `file` is empty, and its jurisdiction is the lists' common one (absent when
 * they differ).
 *
 * @example
 * const national = mergeChecklists({ checklists: [batch2024x1, total], id: "national", title: { zh: "国家重点事项" } });
 */
export function mergeChecklists(options: MergeChecklistsOptions): ResolvedChecklist {
  const { checklists } = options;
  const seen = new Set<string>();
  const matters: ResolvedMatter[] = [];
  const chain: string[] = [];
  for (const list of checklists) {
    for (const id of list.chain) if (!chain.includes(id)) chain.push(id);
    for (const matter of list.matters) {
      if (seen.has(matter.id)) continue;
      seen.add(matter.id);
      matters.push(matter);
    }
  }
  const [first] = checklists;
  const jurisdiction = first?.jurisdiction;
  const common =
    jurisdiction !== undefined && checklists.every((list) => list.jurisdiction?.level === jurisdiction.level && list.jurisdiction.division === jurisdiction.division);
  return {
    id: options.id,
    title: options.title,
    version: checklists.map((list) => `${list.id}@${list.version}`).join(", "),
    ...(common ? { jurisdiction } : {}),
    file: "",
    chain,
    matters,
  };
}
