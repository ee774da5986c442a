import type { IndexedChecklist, Located, ProjectIndex } from "./project-index.js";
import type { DocumentKind, MatterChanges } from "./model.js";
import { joinPointer } from "./format.js";

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
