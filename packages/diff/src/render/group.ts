import type { LocalizedMessage } from "@onething/schemas";
import { SUBJECT_LABELS, SUBJECT_ORDER } from "../labels.js";
import type { Change, ChangeLocation, DiffDocument, DiffResult } from "../types.js";

/** The changes of one matter (or ledger entry). */
export interface MatterGroup {
  /** The matter id. */
  id: string;
  /** The matter's name, when known. */
  name?: LocalizedMessage;
  /** Its changes, in diff order. */
  changes: Change[];
}

/** The matters of one lifecycle stage. */
export interface StageGroup {
  /** The stage id; undefined for matters without one. */
  id?: string;
  /** The stage name (the id when no Taxonomy names it). */
  name?: LocalizedMessage;
  /** Its matters, in diff order. */
  matters: MatterGroup[];
}

/** The stages of one subject. */
export interface SubjectGroup {
  /** The subject id; undefined for matters without one (ledger entries). */
  id?: string;
  /** The subject name. */
  name?: LocalizedMessage;
  /** Its stages, in lifecycle order. */
  stages: StageGroup[];
}

/** The changes of one document: those outside any matter, then subject → stage → matter. */
export interface DocumentGroup {
  /** The document. */
  document: DiffDocument;
  /** Changes that concern no matter (the document itself, catalogue items, departments). */
  general: Change[];
  /** Matter changes grouped by subject and stage. */
  subjects: SubjectGroup[];
}

/** Counts of a diff's changes. */
export interface DiffSummary {
  /** Every change. */
  changes: number;
  /** Breaking changes. */
  breaking: number;
  /** Potentially breaking changes. */
  potentiallyBreaking: number;
  /** Non-breaking changes. */
  nonBreaking: number;
  /** Changes that made a value worse (a metric rose, a status moved backwards). */
  regressions: number;
}

/**
 * Counts the changes by class, and the regressions.
 *
 * @example
 * summarizeDiff(diffDocuments({ before, after }).changes);
 * // { changes: 1, breaking: 0, potentiallyBreaking: 0, nonBreaking: 1, regressions: 0 }
 */
export function summarizeDiff(changes: readonly Change[]): DiffSummary {
  return {
    changes: changes.length,
    breaking: changes.filter((change) => change.class === "breaking").length,
    potentiallyBreaking: changes.filter((change) => change.class === "potentially-breaking").length,
    nonBreaking: changes.filter((change) => change.class === "non-breaking").length,
    regressions: changes.filter((change) => change.regression === true).length,
  };
}

/**
 * Groups a diff's changes for reading: by document, then subject → stage (lifecycle order) → matter.
 *
 * @example
 * for (const group of groupChanges(diffDocuments({ before, after }))) {
 *   console.log(group.document.id, group.subjects.flatMap((subject) => subject.stages).length);
 * }
 */
export function groupChanges(result: DiffResult): DocumentGroup[] {
  const stageRank = new Map(result.stages.map((stage, index) => [`${stage.subject}/${stage.id}`, index]));
  const stageName = new Map(result.stages.map((stage) => [`${stage.subject}/${stage.id}`, stage.name]));
  const groups: DocumentGroup[] = [];
  for (const document of result.documents) {
    const changes = result.changes.filter((change) => change.document === document.id);
    if (changes.length === 0) continue;
    const general = changes.filter((change) => change.matter === undefined);
    const matters = new Map<string, { group: MatterGroup; subject: string | undefined; stage: string | undefined; first: number }>();
    changes.forEach((change, index) => {
      if (change.matter === undefined) return;
      let entry = matters.get(change.matter);
      if (entry === undefined) {
        entry = { group: { id: change.matter, changes: [] }, subject: change.subject, stage: change.stage, first: index };
        if (change.matterName !== undefined) entry.group.name = change.matterName;
        matters.set(change.matter, entry);
      }
      entry.group.changes.push(change);
    });
    const subjectRank = (subject: string | undefined) => (subject === undefined ? SUBJECT_ORDER.length + 1 : SUBJECT_ORDER.includes(subject) ? SUBJECT_ORDER.indexOf(subject) : SUBJECT_ORDER.length);
    const sorted = [...matters.values()].sort(
      (a, b) =>
        subjectRank(a.subject) - subjectRank(b.subject) ||
        compareText(a.subject ?? "", b.subject ?? "") ||
        (stageRank.get(`${a.subject}/${a.stage}`) ?? Number.MAX_SAFE_INTEGER) - (stageRank.get(`${b.subject}/${b.stage}`) ?? Number.MAX_SAFE_INTEGER) ||
        compareText(a.stage ?? "", b.stage ?? "") ||
        a.first - b.first,
    );
    const subjects: SubjectGroup[] = [];
    for (const entry of sorted) {
      let subject = subjects[subjects.length - 1];
      if (subject === undefined || subject.id !== entry.subject) {
        subject = { stages: [] };
        if (entry.subject !== undefined) {
          subject.id = entry.subject;
          subject.name = SUBJECT_LABELS[entry.subject] ?? { zh: entry.subject, en: entry.subject };
        }
        subjects.push(subject);
      }
      let stage = subject.stages[subject.stages.length - 1];
      if (stage === undefined || stage.id !== entry.stage) {
        stage = { matters: [] };
        if (entry.stage !== undefined) {
          stage.id = entry.stage;
          stage.name = stageName.get(`${entry.subject}/${entry.stage}`) ?? { zh: entry.stage, en: entry.stage };
        }
        subject.stages.push(stage);
      }
      stage.matters.push(entry.group);
    }
    groups.push({ document, general, subjects });
  }
  return groups;
}

/** Where to point a reader at a change: the newer version's place, else the older one's. */
export function primaryLocation(change: Change): ChangeLocation | undefined {
  return change.locations.after ?? change.locations.before;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
