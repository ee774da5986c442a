import { isMergedField } from "@onething/schemas";
import { joinPointer } from "../format.js";
import type { Matter } from "../model.js";
import type { IndexedChecklist, Located, ProjectIndex } from "../project-index.js";
import { defineRule, type RuleContext } from "../types.js";

/** Whether two values read from YAML are the same data: objects key by key in any order, arrays in order. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((entry, at) => sameData(entry, b[at]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && sameData(left[key], right[key]));
}

/** A plain object's members, or undefined for anything else. */
function members(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * What the rule needs to know about the lists a checklist extends, computed once per list: the lists it
 * reaches and, per list, where each field of each matter is first patched.
 */
class Chains {
  private readonly reached = new Map<string, ReadonlySet<string> | undefined | "visiting">();
  private readonly firstPatches = new Map<IndexedChecklist, Map<string, Map<string, number>>>();

  constructor(private readonly index: ProjectIndex) {}

  /**
   * The checklists a list reaches through `extends`, itself included. Undefined when the answer is not certain:
   * a list on the way is unknown, invalid, defined twice, or on an extends cycle.
   */
  reach(id: string): ReadonlySet<string> | undefined {
    const known = this.reached.get(id);
    if (known === "visiting") return undefined;
    if (this.reached.has(id)) return known;
    this.reached.set(id, "visiting");
    const result = this.computeReach(id);
    this.reached.set(id, result);
    return result;
  }

  /** The position of the list's first patch that sets the field of the matter, if one does. */
  firstPatch(list: IndexedChecklist, matter: string, field: string): number | undefined {
    let byMatter = this.firstPatches.get(list);
    if (byMatter === undefined) {
      byMatter = new Map();
      for (const [position, patch] of (list.value.spec.patches ?? []).entries()) {
        let byField = byMatter.get(patch.matter);
        if (byField === undefined) byMatter.set(patch.matter, (byField = new Map()));
        for (const field of Object.keys(patch.set)) if (!byField.has(field)) byField.set(field, position);
      }
      this.firstPatches.set(list, byMatter);
    }
    return byMatter.get(matter)?.get(field);
  }

  private computeReach(id: string): ReadonlySet<string> | undefined {
    const { index } = this;
    const checklist = index.checklistsById.get(id);
    if (!checklist || index.incomplete.metadataIds.has(id) || (index.metadataIds.get(id)?.length ?? 0) !== 1) return undefined;
    const result = new Set([id]);
    for (const base of checklist.value.spec.extends ?? []) {
      const above = this.reach(base.checklist);
      if (above === undefined) return undefined;
      for (const listId of above) result.add(listId);
    }
    return result;
  }
}

/** The one definition of a patched matter and the list it is in. */
interface Definition {
  /** The list defining the matter. */
  list: IndexedChecklist;
  /** The matter as defined there. */
  matter: Located<Matter>;
}

/**
 * The definition whose values of `fields` the matter still has when the patch at `position` applies, or
 * undefined unless that is certain without resolving: exactly one list the patching list reaches defines the
 * matter, no list on the way sets one of the fields in a patch of the matter (nor does an earlier patch of the
 * same list), and no `select` / `exclude` on the way from the definition drops it.
 */
function valueBefore(options: {
  index: ProjectIndex;
  chains: Chains;
  list: IndexedChecklist;
  position: number;
  matter: string;
  fields: readonly string[];
}): Definition | undefined {
  const { index, chains, list, position, matter, fields } = options;
  const reached = chains.reach(list.id);
  if (reached === undefined) return undefined;
  const lists: IndexedChecklist[] = [];
  for (const id of reached) {
    const entry = index.checklistsById.get(id);
    if (entry !== undefined) lists.push(entry);
  }
  const definers = lists.filter((entry) => entry.matters.has(matter));
  const definer = definers[0];
  if (definers.length !== 1 || definer === undefined) return undefined;
  for (const entry of lists) {
    for (const field of fields) {
      const patched = chains.firstPatch(entry, matter, field);
      if (patched !== undefined && (entry !== list || patched < position)) return undefined;
    }
    for (const base of entry.value.spec.extends ?? []) {
      if (!chains.reach(base.checklist)?.has(definer.id)) continue;
      if ((base.select !== undefined && !base.select.includes(matter)) || (base.exclude ?? []).includes(matter)) return undefined;
    }
  }
  const definition = definer.matters.get(matter);
  return definition === undefined ? undefined : { list: definer, matter: definition };
}

/** The fields of `set` that would change the matter's value `base`; empty when the patch changes nothing. */
function changedFields(set: Record<string, unknown>, base: Record<string, unknown>): string[] {
  return Object.entries(set)
    .filter(([field, next]) => {
      // The fields a patch merges member by member are the ones `@onething/dsl` merges when it resolves patches.
      if (!isMergedField(field)) return !sameData(next, base[field]);
      const current = members(base[field]);
      return Object.entries(members(next) ?? {}).some(([member, value]) => !sameData(value, current?.[member]));
    })
    .map(([field]) => field);
}

function checkList(context: RuleContext, chains: Chains, list: IndexedChecklist): void {
  (list.value.spec.patches ?? []).forEach((patch, position) => {
    const set = patch.set as Record<string, unknown>;
    const pointer = joinPointer("/spec/patches", position, "set");
    const fields = Object.keys(set);
    if (fields.length === 0) {
      context.report({ messageId: "empty", data: { matter: patch.matter }, document: list.document, pointer });
      return;
    }
    const definition = valueBefore({ index: context.index, chains, list, position, matter: patch.matter, fields });
    if (definition === undefined || changedFields(set, definition.matter.value as unknown as Record<string, unknown>).length > 0) return;
    const data = {
      matter: patch.matter,
      base: definition.list.id,
      fields: { zh: fields.join("、"), en: fields.join(", ") },
    };
    context.report({
      messageId: "unchanged",
      data,
      document: list.document,
      pointer,
      related: [{ document: definition.matter.document, pointer: joinPointer(definition.matter.pointer, "id"), messageId: "definition", data }],
    });
  });
}

/**
 * A local list's patch that changes nothing: its `set` is empty, or every field it sets repeats the value the
 * matter already has where it is defined. The second case is reported only when the values before the patch
 * are certain without resolving the list: the matter has exactly one definition among the lists reached through
 * `extends`, no list on the way (nor an earlier patch of this list) sets one of those fields of it, no `select` /
 * `exclude` on the way drops it, and every list on the way is known, valid, defined once and off any extends cycle.
 */
export const emptyPatch = defineRule({
  meta: {
    id: "empty-patch",
    severity: "warning",
    description: {
      zh: "地方清单的调整（patches）应当改变一件事：set 不能为空，也不能只重复该事项在定义处已有的值。",
      en: "A local list's patch changes its matter: `set` is not empty and does not only repeat the values the matter already has where it is defined.",
    },
    messages: {
      empty: {
        zh: "对一件事 {matter} 的调整中 set 为空，这条调整不起作用",
        en: "The patch of the matter {matter} has an empty `set`: it changes nothing",
      },
      unchanged: {
        zh: "对一件事 {matter} 的调整所设的字段（{fields}）与它在清单 {base} 中的定义完全相同，这条调整不起作用",
        en: "The patch of the matter {matter} sets {fields} to the values its definition in the checklist {base} already has: it changes nothing",
      },
      definition: { zh: "{matter} 在清单 {base} 中的定义", en: "The definition of {matter} in the checklist {base}" },
    },
    hint: {
      zh: "删除这条调整，或在 set 中写明要改的字段和新值。",
      en: "Delete the patch, or put the fields to change and their new values in `set`.",
    },
  },
  check(context) {
    const chains = new Chains(context.index);
    for (const list of context.index.checklists) checkList(context, chains, list);
  },
});
