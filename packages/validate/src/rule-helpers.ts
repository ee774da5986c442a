import type { SourceDocument } from "@onething/schemas";
import { findNearest } from "./edit-distance.js";
import { joinPointer } from "./format.js";
import type { DocumentKind, MatterChanges } from "./model.js";
import { batchKey } from "./project-index.js";
import type { IndexedChecklist, Located, ProjectIndex } from "./project-index.js";
import type { MessageData, RuleContext } from "./types.js";

/** A matter or the `set` of a patch, which may carry any matter field but the id. */
export interface MatterLike extends Located<MatterChanges> {
  /** The checklist holding it. */
  checklist: IndexedChecklist;
  /** Whether this is a patch's `set` rather than a matter. */
  patch: boolean;
}

/** Where a matter-like is: its checklist, whether it is a patch's `set`, and its position in `matters` or `patches`. */
interface MatterLikePlace {
  value: MatterChanges;
  checklist: IndexedChecklist;
  patch: boolean;
  position: number;
}

/** A matter-like whose JSON Pointer is written only when a rule asks for it: most never do, as they report nothing. */
class MatterLikeEntry implements MatterLike {
  readonly value: MatterChanges;
  readonly document: SourceDocument;
  readonly checklist: IndexedChecklist;
  readonly patch: boolean;
  private readonly position: number;

  constructor(place: MatterLikePlace) {
    this.value = place.value;
    this.document = place.checklist.document;
    this.checklist = place.checklist;
    this.patch = place.patch;
    this.position = place.position;
  }

  get pointer(): string {
    return this.patch ? `/spec/patches/${this.position}/set` : `/spec/matters/${this.position}`;
  }
}

const matterLikesByIndex = new WeakMap<ProjectIndex, readonly MatterLike[]>();

/** Every matter and every patch `set` of every checklist, in document order; computed once per index, which rules never change. */
export function matterLikes(index: ProjectIndex): readonly MatterLike[] {
  const cached = matterLikesByIndex.get(index);
  if (cached) return cached;
  const result: MatterLike[] = [];
  for (const checklist of index.checklists) {
    const { matters, patches } = checklist.value.spec;
    matters.forEach((value, position) => result.push(new MatterLikeEntry({ value, checklist, patch: false, position })));
    patches?.forEach((patch, position) => result.push(new MatterLikeEntry({ value: patch.set, checklist, patch: true, position })));
  }
  matterLikesByIndex.set(index, result);
  return result;
}

/** Whether a department id is defined (or defined in a document the structural pass rejected). */
export function isKnownDepartment(index: ProjectIndex, id: string): boolean {
  return index.departments.has(id) || index.incomplete.departments.has(id);
}

/** Whether the project holds at least one document of the kind, valid or not. */
export function hasKind(index: ProjectIndex, kind: DocumentKind): boolean {
  return index.kinds.has(kind);
}

/** A reference to something defined elsewhere: the id and where it is written. */
export interface Reference {
  /** The referenced id. */
  id: string;
  /** The document holding the reference. */
  document: SourceDocument;
  /** JSON Pointer to the reference's value. */
  pointer: string;
}

/**
 * Walks one kind of reference in document order: `select` sees every reference's id and document, and only the
 * references it selects are built (with their JSON Pointer) and handed to `use`, so that a clean project costs no
 * pointer at all.
 */
export type ReferenceWalk = (index: ProjectIndex, visitor: ReferenceVisitor) => void;

/** What a {@link ReferenceWalk} calls. */
export interface ReferenceVisitor {
  /** Whether the reference to `id` in `document` is wanted; called for every reference, in order. */
  select(id: string, document: SourceDocument): boolean;
  /** Receives each selected reference, right after `select` chose it. */
  use(reference: Reference): void;
}

/** Options of {@link checkReference}. */
export interface CheckReferenceOptions {
  /** The running rule's context; the rule must define the messages `unknown` and `didYouMean`. */
  context: RuleContext;
  /** The reference to check. */
  reference: Reference;
  /** Whether an id is defined. */
  known: (id: string) => boolean;
  /** The defined ids, searched for the nearest one to suggest. */
  candidates: Iterable<string>;
  /** More values for the message templates besides `id` and `suggestion`; defaults to none. */
  data?: MessageData;
}

/** Reports a reference to an undefined id as the rule's `unknown` message, with the nearest defined id as a hint. */
export function checkReference(options: CheckReferenceOptions): void {
  const { context, reference } = options;
  if (options.known(reference.id)) return;
  const suggestion = findNearest(reference.id, options.candidates);
  context.report({
    messageId: "unknown",
    data: { id: reference.id, ...options.data, suggestion: suggestion ?? "" },
    document: reference.document,
    pointer: reference.pointer,
    part: "value",
    ...(suggestion ? { hintId: "didYouMean" } : {}),
  });
}

/** Every department reference, in order: matters' and patches' owners (lead, then partners) and steps, items' departments, departments' parents. */
export const walkDepartmentReferences: ReferenceWalk = (index, { select, use }) => {
  for (const matter of matterLikes(index)) {
    const { owners, steps } = matter.value;
    const document = matter.document;
    if (owners) {
      const { lead, partners } = owners;
      if (lead !== undefined && select(lead, document)) use({ id: lead, document, pointer: joinPointer(matter.pointer, "owners", "lead") });
      if (partners) {
        for (let position = 0; position < partners.length; position++) {
          const id = partners[position];
          if (id !== undefined && select(id, document)) use({ id, document, pointer: joinPointer(matter.pointer, "owners", "partners", position) });
        }
      }
    }
    if (steps) {
      for (let position = 0; position < steps.length; position++) {
        const id = steps[position]?.department;
        if (id !== undefined && select(id, document)) use({ id, document, pointer: joinPointer(matter.pointer, "steps", position, "department") });
      }
    }
  }
  for (const definitions of index.items.values()) {
    for (const item of definitions) {
      const id = item.value.department;
      if (id !== undefined && select(id, item.document)) use({ id, document: item.document, pointer: joinPointer(item.pointer, "department") });
    }
  }
  for (const definitions of index.departments.values()) {
    for (const department of definitions) {
      const id = department.value.parent;
      if (id !== undefined && select(id, department.document)) use({ id, document: department.document, pointer: joinPointer(department.pointer, "parent") });
    }
  }
};

/** Every item a matter or patch bundles (`items[].ref`), in order. */
export const walkItemReferences: ReferenceWalk = (index, { select, use }) => {
  for (const matter of matterLikes(index)) {
    const items = matter.value.items;
    if (!items) continue;
    const document = matter.document;
    for (let position = 0; position < items.length; position++) {
      const id = items[position]?.ref;
      if (id !== undefined && select(id, document)) use({ id, document, pointer: joinPointer(matter.pointer, "items", position, "ref") });
    }
  }
};

/** Every matter's lifecycle stage, as `subject/stage`, in order. */
export const walkStageReferences: ReferenceWalk = (index, { select, use }) => {
  for (const matter of index.matters) {
    const id = `${matter.value.subject}/${matter.value.stage}`;
    if (select(id, matter.document)) use({ id, document: matter.document, pointer: joinPointer(matter.pointer, "stage") });
  }
};

/** Every batch a matter lists, as its batch key `year-seq`, in order. */
export const walkBatchReferences: ReferenceWalk = (index, { select, use }) => {
  for (const matter of index.matters) {
    const batches = matter.value.batches;
    if (!batches) continue;
    for (let position = 0; position < batches.length; position++) {
      const batch = batches[position];
      if (batch === undefined) continue;
      const id = batchKey(batch);
      if (select(id, matter.document)) use({ id, document: matter.document, pointer: joinPointer(matter.pointer, "batches", position) });
    }
  }
};

/** Whether the project holds any annual checklist (valid or not), the list batches are checked against. */
export function hasAnnualBatches(index: ProjectIndex): boolean {
  return index.annualBatches.size > 0 || index.incomplete.batches.size > 0;
}
