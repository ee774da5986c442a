import type { ChecklistSource, ExtendsSource } from "./read.js";

/** An `extends` entry that leads back to a list already being resolved, closing a cycle. */
export interface CycleEdge {
  /** The list holding the entry. */
  from: ChecklistSource;
  /** The entry that closes the cycle. */
  entry: ExtendsSource;
  /** The ids around the cycle, starting and ending with the entry's target. */
  cycle: string[];
}

/** The `extends` graph: which entries close cycles, and an order in which every base comes first. */
export interface ExtendsGraph {
  /** Entries to skip while resolving, keyed by {@link edgeKey}. */
  closing: Map<string, CycleEdge>;
  /** Checklist ids, bases before the lists extending them. */
  order: string[];
}

/** The key of an `extends` entry in {@link ExtendsGraph.closing}. */
export function edgeKey(from: string, index: number): string {
  return `${index}\u0000${from}`;
}

/**
 * Walks the `extends` graph depth first, from the lists in id order and along each list's entries in
 * their written order, so the result depends on ids and entries only, never on the order of documents.
 * An entry that reaches a list still on the walk's path closes a cycle; skipping those entries leaves a
 * graph without cycles. Iterative, so long chains cannot overflow the stack.
 */
export function analyseExtends(checklists: ReadonlyMap<string, ChecklistSource>): ExtendsGraph {
  const closing = new Map<string, CycleEdge>();
  const order: string[] = [];
  const state = new Map<string, "active" | "done">();
  const ids = [...checklists.keys()].sort(compareText);
  for (const root of ids) {
    if (state.has(root)) continue;
    const path: Array<{ list: ChecklistSource; next: number }> = [];
    const enter = (list: ChecklistSource) => {
      state.set(list.id, "active");
      path.push({ list, next: 0 });
    };
    const rootList = checklists.get(root);
    if (rootList === undefined) continue;
    enter(rootList);
    while (path.length > 0) {
      const frame = path[path.length - 1];
      if (frame === undefined) break;
      const entry = frame.list.extends[frame.next];
      if (entry === undefined) {
        state.set(frame.list.id, "done");
        order.push(frame.list.id);
        path.pop();
        continue;
      }
      frame.next += 1;
      const target = checklists.get(entry.checklist);
      if (target === undefined) continue;
      const seen = state.get(target.id);
      if (seen === "active") {
        const start = path.findIndex((step) => step.list.id === target.id);
        const cycle = [...path.slice(start).map((step) => step.list.id), target.id];
        closing.set(edgeKey(frame.list.id, entry.index), { from: frame.list, entry, cycle });
      } else if (seen === undefined) enter(target);
    }
  }
  return { closing, order };
}

/** Compares strings by code unit, the same on every platform and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
