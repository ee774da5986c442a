import { MERGED_MEMBERS, isMergedField } from "@onething/schemas";
import type { Diagnostic, LocalizedMessage, Matter, MergedField, RelatedLocation, SourceRange } from "@onething/schemas";
import { createDiagnostic } from "../diagnostic-codes.js";
import type { DslDiagnosticCode } from "../diagnostic-codes.js";
import type { NodePart } from "../locate.js";
import type { ParsedDocument } from "../parse.js";
import { appendPointer } from "../pointer.js";
import { MATTER_FIELDS, METRIC_LOCKS, isLockField } from "./fields.js";
import type { LockField } from "./fields.js";
import { analyseExtends, compareText, edgeKey } from "./graph.js";
import type { ExtendsGraph } from "./graph.js";
import {
  cycleStepText,
  describeDuration,
  duplicateInheritedMatterText,
  duplicateOwnMatterText,
  extendsCycleText,
  keptDefinitionText,
  localFloorText,
  lockedFieldWeakenedText,
  lockedHereText,
} from "./messages.js";
import type { Weakening } from "./messages.js";
import { asRecord, own, readChecklist, readLocalizedText } from "./read.js";
import type { ChecklistSource, ExtendsSource, MatterSource, NotApplicableSource, PatchSource } from "./read.js";
import type { Provenance, ResolveResult, ResolvedChecklist, ResolvedMatter } from "./types.js";

/** Options of {@link resolveChecklist}. */
export interface ResolveChecklistOptions {
  /** Every document of the project (other kinds are ignored); their order does not matter. */
  documents: readonly ParsedDocument[];
  /** `metadata.id` of the checklist to resolve. */
  id: string;
}

/** Options of {@link resolveChecklists}. */
export interface ResolveChecklistsOptions {
  /** Every document of the project (other kinds are ignored); their order does not matter. */
  documents: readonly ParsedDocument[];
  /**
   * Whether to record where each field came from (`ResolvedMatter.origin`); defaults to true. Without it every
   * `origin` is empty and resolving takes a fraction of the memory, for callers that want only the findings.
   */
  origins?: boolean;
  /**
   * Which files' findings are wanted: a finding about another file is dropped before its position is looked up.
   * Every document is still resolved. Default: every file's.
   */
  scope?: (file: string) => boolean;
}

/** What {@link resolveChecklists} returns. */
export interface ResolveAllResult {
  /** Every checklist of the project resolved, by `metadata.id`, in id order. */
  checklists: Map<string, ResolvedChecklist>;
  /** Every finding made while resolving, each once, ordered by file and position. */
  diagnostics: Diagnostic[];
}

/**
 * Resolves one checklist over its bases into the list its jurisdiction runs: the bases' effective matters
 * (in `extends` order, after `select` / `exclude`; a dropped matter stays, marked, when it is not applicable),
 * then the list's own matters, with `notApplicable` and `patches` applied by id and provenance kept per field.
 * The diagnostics cover the checklist and every base in its chain. Unknown bases and unknown matter ids are
 * skipped silently (`@onething/validate` reports them as `unknown-base` and `unknown-matter`). Never throws;
 * the result does not depend on the order of `documents`. Values are shared with the documents: treat them
 * as read-only.
 *
 * @example
 * const { checklist, diagnostics } = resolveChecklist({ documents: project.documents, id: "cn.sd.qingdao" });
 * checklist?.matters.map((matter) => [matter.id, matter.origin["metrics.trips"]?.checklist]);
 */
export function resolveChecklist(options: ResolveChecklistOptions): ResolveResult {
  const resolver = new Resolver(options.documents);
  const state = resolver.resolve(options.id);
  if (state === undefined) return { diagnostics: [] };
  const diagnostics = state.checklist.chain.flatMap((id) => resolver.state(id)?.diagnostics ?? []);
  return { checklist: state.checklist, diagnostics: sortFindings(diagnostics) };
}

/**
 * Resolves every checklist of the project (see {@link resolveChecklist}); each finding is reported once,
 * with the list it is about.
 *
 * @example
 * const { checklists, diagnostics } = resolveChecklists({ documents: project.documents });
 * checklists.get("cn.national.2024-1")?.matters.length;
 */
export function resolveChecklists(options: ResolveChecklistsOptions): ResolveAllResult {
  const resolver = new Resolver(options.documents, options.origins !== false, options.scope);
  resolver.resolveAll();
  const checklists = new Map<string, ResolvedChecklist>();
  const diagnostics: Diagnostic[] = [];
  for (const id of resolver.ids()) {
    const state = resolver.state(id);
    if (state === undefined) continue;
    checklists.set(id, state.checklist);
    diagnostics.push(...state.diagnostics);
  }
  return { checklists, diagnostics: sortFindings(diagnostics) };
}

/** Where a lock was declared: a `locked` entry of a matter definition or of a patch. */
interface LockSource {
  checklist: string;
  file: string;
  pointer: string;
  /** The range of the `locked` entry, located only when a weakened lock is reported. */
  range(): SourceRange | undefined;
}

/** A matter while its list is resolved. */
interface Entry {
  resolved: ResolvedMatter;
  /** Every lock on the matter, with where it was declared. */
  locks: ReadonlyMap<LockField, LockSource>;
  /** For an inherited matter: the base's value and locks, the floor this list's patches are held to. */
  floor?: { value: Matter; locks: ReadonlyMap<LockField, LockSource> };
  /** Whether the matter is this list's own. */
  ownMatter: boolean;
  /** The extends entry it came through, for an inherited matter. */
  via?: ExtendsSource;
}

interface ListState {
  checklist: ResolvedChecklist;
  entries: Entry[];
  diagnostics: Diagnostic[];
}

class Resolver {
  private readonly lists = new Map<string, ChecklistSource>();
  private readonly graph: ExtendsGraph;
  private readonly states = new Map<string, ListState>();

  constructor(
    documents: readonly ParsedDocument[],
    private readonly origins = true,
    private readonly scope?: (file: string) => boolean,
  ) {
    const sorted = [...documents].sort((a, b) => compareText(a.path, b.path) || compareText(a.text, b.text));
    for (const document of sorted) {
      const list = readChecklist(document);
      // A repeated id is `duplicate-id` in @onething/validate; the first by path is the one resolved.
      if (list !== undefined && !this.lists.has(list.id)) this.lists.set(list.id, list);
    }
    this.graph = analyseExtends(this.lists);
  }

  ids(): string[] {
    return [...this.lists.keys()].sort(compareText);
  }

  state(id: string): ListState | undefined {
    return this.states.get(id);
  }

  /** Resolves every checklist, bases first. */
  resolveAll(): void {
    for (const listId of this.graph.order) {
      const list = this.lists.get(listId);
      if (list !== undefined && !this.states.has(listId)) this.states.set(listId, this.resolveList(list));
    }
  }

  /** Resolves a checklist and, first, every base it needs; undefined when no checklist has the id. */
  resolve(id: string): ListState | undefined {
    if (!this.lists.has(id)) return undefined;
    const needed = new Set<string>();
    const queue = [id];
    while (queue.length > 0) {
      const next = queue.pop() ?? "";
      if (needed.has(next) || this.states.has(next)) continue;
      const list = this.lists.get(next);
      if (list === undefined) continue;
      needed.add(next);
      for (const entry of list.extends) {
        if (!this.graph.closing.has(edgeKey(list.id, entry.index))) queue.push(entry.checklist);
      }
    }
    for (const listId of this.graph.order) {
      const list = this.lists.get(listId);
      if (list !== undefined && needed.has(listId)) this.states.set(listId, this.resolveList(list));
    }
    return this.states.get(id);
  }

  private resolveList(list: ChecklistSource): ListState {
    const context = new ListContext(list, this.origins, this.scope);
    const naById = new Map<string, NotApplicableSource>();
    for (const entry of list.notApplicable) if (!naById.has(entry.matter)) naById.set(entry.matter, entry);

    const chain: string[] = [];
    const entries: Entry[] = [];
    const byId = new Map<string, Entry>();
    const dropped: Array<{ id: string; base: string; entry: ExtendsSource; by: "select" | "exclude"; pointer: string; part: NodePart }> = [];

    for (const extendsEntry of list.extends) {
      const closing = this.graph.closing.get(edgeKey(list.id, extendsEntry.index));
      if (closing !== undefined) {
        context.report("extends-cycle", {
          ...extendsCycleText(closing.cycle),
          pointer: extendsPointer(extendsEntry, "checklist"),
          related: () => this.cycleSteps(closing.cycle),
        });
        continue;
      }
      const base = this.states.get(extendsEntry.checklist);
      if (base === undefined) continue;
      for (const id of base.checklist.chain) if (!chain.includes(id)) chain.push(id);
      const select = extendsEntry.select === undefined ? undefined : new Set(extendsEntry.select);
      for (const baseEntry of base.entries) {
        const id = baseEntry.resolved.id;
        const drop = dropReason(extendsEntry, select, id);
        if (drop !== undefined && !naById.has(id) && baseEntry.resolved.notApplicable === undefined) {
          dropped.push({ id, base: base.checklist.id, entry: extendsEntry, ...drop });
          continue;
        }
        const existing = byId.get(id);
        if (existing !== undefined) {
          if (!sameMatter(existing.resolved, baseEntry.resolved)) {
            const first = existing.via?.checklist ?? existing.resolved.definedIn.checklist;
            context.report("duplicate-matter", {
              ...duplicateInheritedMatterText({ matter: id, first, second: base.checklist.id }),
              pointer: extendsPointer(extendsEntry, "checklist"),
              related: () => [definitionLocation(existing.resolved.definedIn)],
            });
          }
          continue;
        }
        const inherited = inherit(baseEntry, extendsEntry);
        entries.push(inherited);
        byId.set(id, inherited);
      }
    }
    chain.push(list.id);

    for (const matter of list.matters) {
      const existing = byId.get(matter.id);
      if (existing !== undefined) {
        if (!existing.ownMatter) {
          context.report("duplicate-matter", {
            ...duplicateOwnMatterText(matter.id, existing.via?.checklist ?? existing.resolved.definedIn.checklist),
            pointer: appendPointer(matterPointer(matter), "id"),
            related: () => [definitionLocation(existing.resolved.definedIn)],
          });
        }
        continue;
      }
      const entry = context.define(matter);
      entries.push(entry);
      byId.set(matter.id, entry);
    }

    const reported = new Set<string>();
    for (const drop of dropped) {
      const key = `${drop.entry.index}\u0000${drop.id}`;
      if (byId.has(drop.id) || reported.has(key)) continue;
      reported.add(key);
      context.report("local-floor", {
        ...localFloorText({ matter: drop.id, base: drop.base, by: drop.by }),
        pointer: drop.pointer,
        part: drop.part,
      });
    }

    for (const [id, na] of naById) {
      const entry = byId.get(id);
      if (entry === undefined) continue;
      const basis = na.basis;
      entry.resolved.notApplicable = {
        reason: readLocalizedText(na.reason),
        ...(typeof basis === "string" ? { basis: basis as NonNullable<ResolvedMatter["notApplicable"]>["basis"] } : {}),
        origin: context.provenance(`/spec/notApplicable/${na.index}`, "definition"),
      };
    }

    for (const patch of list.patches) {
      const entry = byId.get(patch.matter);
      if (entry !== undefined) context.applyPatch(entry, patch);
    }

    const checklist: ResolvedChecklist = {
      id: list.id,
      title: list.title,
      version: list.version,
      ...(list.jurisdiction === undefined ? {} : { jurisdiction: list.jurisdiction }),
      file: list.document.path,
      chain,
      matters: entries.map((entry) => entry.resolved),
    };
    return { checklist, entries, diagnostics: context.diagnostics };
  }

  /** The other steps of a cycle, each at the first extends entry that takes it. */
  private cycleSteps(cycle: readonly string[]): RelatedLocation[] {
    const related: RelatedLocation[] = [];
    for (let step = 0; step + 2 < cycle.length; step += 1) {
      const from = this.lists.get(cycle[step] ?? "");
      const to = cycle[step + 1] ?? "";
      const entry = from?.extends.find((candidate) => candidate.checklist === to);
      if (from === undefined || entry === undefined) continue;
      const pointer = extendsPointer(entry, "checklist");
      related.push(location(from, pointer, cycleStepText(from.id, to)));
    }
    return related;
  }
}

/** Builds the values, provenance and diagnostics of one list. */
class ListContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly list: ChecklistSource,
    private readonly origins: boolean,
    private readonly scope?: (file: string) => boolean,
  ) {}

  /** Records where a field came from, unless origins are off. */
  private setOrigin(origin: Record<string, Provenance>, field: string, pointer: string, via: Provenance["via"]): void {
    if (this.origins) origin[field] = this.provenance(pointer, via);
  }

  provenance(pointer: string, via: Provenance["via"]): Provenance {
    // The range is located on first read, so that a document read by the fast path is parsed by `yaml` only
    // when someone asks where a value came from.
    const { document } = this.list;
    let range: SourceRange | undefined | null = null;
    return {
      checklist: this.list.id,
      file: document.path,
      pointer,
      get range() {
        if (range === null) range = document.locate(pointer);
        return range;
      },
      ...(this.list.level === undefined ? {} : { level: this.list.level }),
      via,
    };
  }

  report(
    code: DslDiagnosticCode,
    fields: { message: LocalizedMessage; hint: LocalizedMessage; pointer: string; part?: NodePart; related?: RelatedLocation[] | (() => RelatedLocation[]) },
  ): void {
    if (this.scope !== undefined && !this.scope(this.list.document.path)) return;
    const range = this.list.document.locate(fields.pointer, fields.part ?? "key");
    const related = typeof fields.related === "function" ? fields.related() : fields.related;
    this.diagnostics.push(
      createDiagnostic(code, {
        message: fields.message,
        hint: fields.hint,
        file: this.list.document.path,
        pointer: fields.pointer,
        ...(range === undefined ? {} : { range }),
        ...(related === undefined || related.length === 0 ? {} : { related }),
      }),
    );
  }

  /** An own matter: its value from the known fields, provenance per field, and the locks it declares. */
  define(matter: MatterSource): Entry {
    const pointer = matterPointer(matter);
    const value: Record<string, unknown> = {};
    const origin: Record<string, Provenance> = {};
    for (const field of MATTER_FIELDS) {
      const fieldValue = own(matter.value, field);
      if (fieldValue === undefined) continue;
      // Field and member names are plain identifiers: nothing in them needs escaping.
      const fieldPointer = `${pointer}/${field}`;
      if (isMergedField(field) && asRecord(fieldValue) !== undefined) {
        const members = asRecord(fieldValue);
        const copy: Record<string, unknown> = {};
        for (const member of MERGED_MEMBERS[field]) {
          const memberValue = own(members, member);
          if (memberValue === undefined) continue;
          copy[member] = memberValue;
          if (this.origins) this.setOrigin(origin, `${field}.${member}`, `${fieldPointer}/${member}`, "definition");
        }
        value[field] = copy;
        continue;
      }
      value[field] = fieldValue;
      this.setOrigin(origin, field, fieldPointer, "definition");
    }
    const locks = new Map<LockField, LockSource>();
    this.addLocks(locks, own(matter.value, "locked"), appendPointer(pointer, "locked"));
    return {
      resolved: { id: matter.id, value: value as unknown as Matter, definedIn: this.provenance(pointer, "definition"), origin },
      locks,
      ownMatter: true,
    };
  }

  /** Applies one patch: top-level fields replaced, metrics / oneStop / smart merged member by member. */
  applyPatch(entry: Entry, patch: PatchSource): void {
    const setPointer = `/spec/patches/${patch.index}/set`;
    const value: Record<string, unknown> = { ...(entry.resolved.value as unknown as Record<string, unknown>) };
    const origin: Record<string, Provenance> = { ...entry.resolved.origin };
    for (const field of MATTER_FIELDS) {
      if (field === "id") continue;
      const next = own(patch.set, field);
      if (next === undefined) continue;
      const pointer = `${setPointer}/${field}`;
      if (isMergedField(field)) {
        const members = asRecord(next);
        if (members !== undefined) this.mergeMembers({ entry, patch, field, members, value, origin, pointer });
        continue;
      }
      if (field === "locked") {
        this.patchLocks({ entry, patch, next, value, origin, pointer });
        continue;
      }
      const lock = field === "items" || field === "promisedTime" || field === "owners" ? field : undefined;
      const weakening = lock === undefined ? undefined : this.weakening(entry, lock, next);
      if (lock !== undefined && weakening !== undefined) {
        const at = lock === "owners" && own(asRecord(next), "lead") !== undefined ? appendPointer(pointer, "lead") : pointer;
        this.reportWeakened({ entry, lock, weakening, pointer: at });
        continue;
      }
      value[field] = next;
      this.setOrigin(origin, field, pointer, "patch");
    }
    entry.resolved = { ...entry.resolved, value: value as unknown as Matter, origin };
  }

  private mergeMembers(options: {
    entry: Entry;
    patch: PatchSource;
    field: MergedField;
    members: Record<string, unknown>;
    value: Record<string, unknown>;
    origin: Record<string, Provenance>;
    pointer: string;
  }): void {
    const { entry, field, members, value, origin, pointer } = options;
    const current = asRecord(value[field]);
    const merged: Record<string, unknown> = {};
    for (const member of MERGED_MEMBERS[field]) {
      const kept = own(current, member);
      if (kept !== undefined) merged[member] = kept;
    }
    for (const member of MERGED_MEMBERS[field]) {
      const next = own(members, member);
      if (next === undefined) continue;
      const memberPointer = `${pointer}/${member}`;
      const lock = field === "metrics" ? METRIC_LOCKS.find((name) => name === member) : undefined;
      const weakening = lock === undefined ? undefined : this.weakening(entry, lock, next);
      if (lock !== undefined && weakening !== undefined) {
        this.reportWeakened({ entry, lock, weakening, pointer: memberPointer });
        continue;
      }
      merged[member] = next;
      this.setOrigin(origin, `${field}.${member}`, memberPointer, "patch");
    }
    value[field] = merged;
  }

  private patchLocks(options: {
    entry: Entry;
    next: unknown;
    patch: PatchSource;
    value: Record<string, unknown>;
    origin: Record<string, Provenance>;
    pointer: string;
  }): void {
    const { entry, next, value, origin, pointer } = options;
    const listed = Array.isArray(next) ? next.filter(isLockField) : [];
    for (const [lock] of entry.floor?.locks ?? []) {
      if (!listed.includes(lock)) this.reportWeakened({ entry, lock, weakening: { kind: "lock-removed" }, pointer });
    }
    // Lock maps are shared with the bases' entries until a patch changes one: copied here, before adding to it.
    const before = entry.locks.size;
    const locks = new Map(entry.locks);
    this.addLocks(locks, next, pointer);
    entry.locks = locks;
    if (locks.size === before && Array.isArray(value["locked"])) return;
    value["locked"] = [...locks.keys()];
    this.setOrigin(origin, "locked", pointer, "patch");
  }

  private addLocks(locks: Map<LockField, LockSource>, listed: unknown, pointer: string): void {
    if (!Array.isArray(listed)) return;
    listed.forEach((lock, index) => {
      if (!isLockField(lock) || locks.has(lock)) return;
      const lockPointer = appendPointer(pointer, index);
      const { document } = this.list;
      // Located only when a weakened lock is reported, so that a fast-path document is not parsed by `yaml` for it.
      locks.set(lock, { checklist: this.list.id, file: document.path, pointer: lockPointer, range: () => document.locate(lockPointer) });
    });
  }

  /** How `next` weakens a field the base locked, or undefined when it does not (or nothing is locked). */
  private weakening(entry: Entry, lock: LockField, next: unknown): Weakening | undefined {
    const floor = entry.floor;
    if (floor === undefined || !floor.locks.has(lock)) return undefined;
    const base = floor.value as unknown as Record<string, unknown>;
    if (lock === "items") return itemsWeakening(own(base, "items"), next);
    if (lock === "promisedTime") return timeWeakening(own(base, "promisedTime"), next);
    if (lock === "owners") return leadWeakening(own(base, "owners"), next);
    return metricWeakening(own(asRecord(own(base, "metrics")), lock), next);
  }

  private reportWeakened(options: { entry: Entry; lock: LockField; weakening: Weakening; pointer: string }): void {
    const { entry, lock, weakening, pointer } = options;
    const source = entry.floor?.locks.get(lock);
    if (source === undefined) return;
    this.report("locked-field-weakened", {
      ...lockedFieldWeakenedText({ matter: entry.resolved.id, field: lock, lockedBy: source.checklist, weakening }),
      pointer,
      related: () => {
        const range = source.range();
        return [{ file: source.file, pointer: source.pointer, ...(range === undefined ? {} : { range }), message: lockedHereText(source.checklist, lock) }];
      },
    });
  }
}

function metricWeakening(base: unknown, next: unknown): Weakening | undefined {
  const floor = own(asRecord(base), "after");
  if (typeof floor !== "number") return undefined;
  const after = own(asRecord(next), "after");
  if (after === undefined) return { kind: "metric-removed", from: floor };
  if (typeof after === "number" && after > floor) return { kind: "metric-raised", from: floor, to: after };
  return undefined;
}

function timeWeakening(base: unknown, next: unknown): Weakening | undefined {
  const floor = asRecord(base);
  const floorValue = own(floor, "value");
  const floorUnit = own(floor, "unit");
  if (typeof floorValue !== "number" || typeof floorUnit !== "string") return undefined;
  const time = asRecord(next);
  if (time === undefined) return { kind: "time-removed", from: describeDuration(floorValue, floorUnit) };
  const value = own(time, "value");
  const unit = own(time, "unit");
  if (typeof unit === "string" && unit !== floorUnit) return { kind: "time-unit", from: floorUnit, to: unit };
  if (typeof value === "number" && value > floorValue) {
    return { kind: "time-longer", from: describeDuration(floorValue, floorUnit), to: describeDuration(value, floorUnit) };
  }
  return undefined;
}

function itemRefs(items: unknown): string[] {
  if (!Array.isArray(items)) return [];
  return items.map((item) => own(asRecord(item), "ref")).filter((ref): ref is string => typeof ref === "string");
}

function itemsWeakening(base: unknown, next: unknown): Weakening | undefined {
  const kept = new Set(itemRefs(next));
  const refs = itemRefs(base).filter((ref) => !kept.has(ref));
  return refs.length === 0 ? undefined : { kind: "items-dropped", refs };
}

function leadWeakening(base: unknown, next: unknown): Weakening | undefined {
  const floor = own(asRecord(base), "lead");
  if (typeof floor !== "string") return undefined;
  const lead = own(asRecord(next), "lead");
  if (lead === undefined) return { kind: "lead-removed", from: floor };
  if (typeof lead === "string" && lead !== floor) return { kind: "lead-changed", from: floor, to: lead };
  return undefined;
}

/** Why an extends entry drops a base matter (and where to point), or undefined when it keeps it. */
function dropReason(
  entry: ExtendsSource,
  select: ReadonlySet<string> | undefined,
  id: string,
): { by: "select" | "exclude"; pointer: string; part: NodePart } | undefined {
  if (select !== undefined && !select.has(id)) return { by: "select", pointer: extendsPointer(entry, "select"), part: "key" };
  const position = entry.exclude?.indexOf(id) ?? -1;
  if (position >= 0) return { by: "exclude", pointer: appendPointer(extendsPointer(entry, "exclude"), position), part: "value" };
  return undefined;
}

/** A base's matter as this list inherits it: a copy it may mark and patch, held to the base as a floor. */
function inherit(base: Entry, via: ExtendsSource): Entry {
  const resolved: ResolvedMatter = {
    id: base.resolved.id,
    value: base.resolved.value,
    definedIn: base.resolved.definedIn,
    origin: { ...base.resolved.origin },
    ...(base.resolved.notApplicable === undefined ? {} : { notApplicable: base.resolved.notApplicable }),
  };
  return {
    resolved,
    locks: base.locks,
    floor: { value: base.resolved.value, locks: base.locks },
    ownMatter: false,
    via,
  };
}

/** Whether two inherited copies are the same matter reached twice (a diamond), not a clash. */
function sameMatter(a: ResolvedMatter, b: ResolvedMatter): boolean {
  return (
    a.definedIn.file === b.definedIn.file &&
    a.definedIn.pointer === b.definedIn.pointer &&
    JSON.stringify(a.value) === JSON.stringify(b.value) &&
    JSON.stringify(a.notApplicable?.reason) === JSON.stringify(b.notApplicable?.reason)
  );
}

function matterPointer(matter: MatterSource): string {
  return `/spec/matters/${matter.index}`;
}

function extendsPointer(entry: ExtendsSource, field: "checklist" | "select" | "exclude"): string {
  return `/spec/extends/${entry.index}/${field}`;
}

function location(list: ChecklistSource, pointer: string, message: LocalizedMessage): RelatedLocation {
  const range = list.document.locate(pointer);
  return { file: list.document.path, pointer, ...(range === undefined ? {} : { range }), message };
}

function definitionLocation(definedIn: Provenance): RelatedLocation {
  return {
    file: definedIn.file,
    pointer: definedIn.pointer,
    ...(definedIn.range === undefined ? {} : { range: definedIn.range }),
    message: keptDefinitionText(definedIn.checklist),
  };
}

/** Orders findings by file, position, code and message, so the order never depends on the input's. */
function sortFindings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file ?? "", b.file ?? "") ||
      (a.range?.start.offset ?? 0) - (b.range?.start.offset ?? 0) ||
      compareText(a.code, b.code) ||
      compareText(a.message.en, b.message.en),
  );
}
