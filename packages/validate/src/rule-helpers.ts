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

/** Every matter and every patch `set` of every checklist, in document order. */
export function matterLikes(index: ProjectIndex): MatterLike[] {
  const result: MatterLike[] = [];
  for (const checklist of index.checklists) {
    checklist.value.spec.matters.forEach((matter, position) => {
      result.push({ value: matter, document: checklist.document, pointer: joinPointer("/spec/matters", position), checklist, patch: false });
    });
    (checklist.value.spec.patches ?? []).forEach((patch, position) => {
      result.push({ value: patch.set, document: checklist.document, pointer: joinPointer("/spec/patches", position, "set"), checklist, patch: true });
    });
  }
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

/** Every department reference: matters' and patches' owners and steps, items' departments, departments' parents. */
export function departmentReferences(index: ProjectIndex): Reference[] {
  const result: Reference[] = [];
  const add = (id: string | undefined, document: SourceDocument, pointer: string) => {
    if (id !== undefined) result.push({ id, document, pointer });
  };
  for (const matter of matterLikes(index)) {
    const { owners, steps } = matter.value;
    if (owners) {
      add(owners.lead, matter.document, joinPointer(matter.pointer, "owners", "lead"));
      (owners.partners ?? []).forEach((partner, position) => add(partner, matter.document, joinPointer(matter.pointer, "owners", "partners", position)));
    }
    (steps ?? []).forEach((step, position) => add(step.department, matter.document, joinPointer(matter.pointer, "steps", position, "department")));
  }
  for (const definitions of index.items.values()) {
    for (const item of definitions) add(item.value.department, item.document, joinPointer(item.pointer, "department"));
  }
  for (const definitions of index.departments.values()) {
    for (const department of definitions) add(department.value.parent, department.document, joinPointer(department.pointer, "parent"));
  }
  return result;
}

/** Every item a matter or patch bundles (`items[].ref`). */
export function itemReferences(index: ProjectIndex): Reference[] {
  return matterLikes(index).flatMap((matter) =>
    (matter.value.items ?? []).map((item, position) => ({ id: item.ref, document: matter.document, pointer: joinPointer(matter.pointer, "items", position, "ref") })),
  );
}

/** Every matter's lifecycle stage, as `subject/stage`. */
export function stageReferences(index: ProjectIndex): Reference[] {
  return index.matters.map((matter) => ({
    id: `${matter.value.subject}/${matter.value.stage}`,
    document: matter.document,
    pointer: joinPointer(matter.pointer, "stage"),
  }));
}

/** Every batch a matter lists, as its batch key `year-seq`. */
export function batchReferences(index: ProjectIndex): Reference[] {
  return index.matters.flatMap((matter) =>
    (matter.value.batches ?? []).map((batch, position) => ({ id: batchKey(batch), document: matter.document, pointer: joinPointer(matter.pointer, "batches", position) })),
  );
}

/** Whether the project holds any annual checklist (valid or not), the list batches are checked against. */
export function hasAnnualBatches(index: ProjectIndex): boolean {
  return index.annualBatches.size > 0 || index.incomplete.batches.size > 0;
}
