import type { ResolvedChecklist, ResolvedMatter } from "@onething/dsl";
import type { LocalizedText, MatterId, StageId, Subject, TaxonomyDocument } from "@onething/schemas";

/** How many matters of a list sit in one lifecycle stage. */
export interface StageCoverage {
  /** The stage id. */
  stage: StageId;
  /** The stage's name from the taxonomy (absent for a stage the taxonomy does not know). */
  name?: LocalizedText;
  /** Whether the taxonomy lists the stage under its subject; `false` for matters filed under an unknown stage. */
  inTaxonomy: boolean;
  /** Applicable matters in the stage (`landed + other`). */
  matters: number;
  /** Of those, matters whose status is landed or verified. */
  landed: number;
  /** Of those, matters not yet landed (planned, in progress, retired or without a status). */
  other: number;
  /** Matters of the stage marked not applicable (not part of `matters`). */
  notApplicable: number;
  /** Whether the stage has no applicable matter. */
  empty: boolean;
}

/** The coverage of one subject's lifecycle. */
export interface SubjectCoverage {
  /** The subject. */
  subject: Subject;
  /** The subject's name from the taxonomy (absent for a subject the taxonomy does not know). */
  name?: LocalizedText;
  /** Applicable matters of the subject. */
  matters: number;
  /** Of those, landed or verified. */
  landed: number;
  /** Matters of the subject marked not applicable. */
  notApplicable: number;
  /** Every stage of the subject in taxonomy order, then stages the taxonomy lacks (in order of appearance). */
  stages: StageCoverage[];
  /** Ids of the stages without an applicable matter, in taxonomy order. */
  emptyStages: StageId[];
}

/** A national matter a local list neither inherits nor marks not applicable. */
export interface LackingMatter {
  /** The matter's id. */
  id: MatterId;
  /** The matter's name. */
  name: LocalizedText;
  /** The matter's subject. */
  subject: Subject;
  /** The matter's stage. */
  stage: StageId;
  /** The national checklist that holds it (the first one given, when several do). */
  checklist: string;
  /** That checklist's title. */
  checklistTitle: LocalizedText;
}

/** What `coverage` returns: the lifecycle coverage map of one list. */
export interface CoverageReport {
  /** The id of the checklist the report is about. */
  checklist: string;
  /** Per subject of the taxonomy (then subjects it lacks), per stage. */
  subjects: SubjectCoverage[];
  /** Applicable matters in the list. */
  matters: number;
  /** Matters marked not applicable. */
  notApplicable: number;
  /**
   * For a list that is not national, compared with `national`: the national matters it lacks, in the order of
   * the national lists; absent when no national lists were given or the list is itself national.
   */
  lacking?: LackingMatter[];
  /** The ids of the national lists the list was compared with (empty when none). */
  comparedWith: string[];
}

/** Options of `coverage`. */
export interface CoverageOptions {
  /** The resolved list to map. */
  checklist: ResolvedChecklist;
  /** The lifecycle taxonomy whose subjects and stages make the map. */
  taxonomy: TaxonomyDocument;
  /**
   * Resolved national lists the list should implement; a national matter the list neither inherits nor marks
   * not applicable is reported as lacking. Default: none (no comparison).
   */
  national?: readonly ResolvedChecklist[];
}

const LANDED = new Set<string>(["landed", "verified"]);

function emptyStage(stage: StageId, name: LocalizedText | undefined, inTaxonomy: boolean): StageCoverage {
  return { stage, ...(name === undefined ? {} : { name }), inTaxonomy, matters: 0, landed: 0, other: 0, notApplicable: 0, empty: true };
}

function count(stage: StageCoverage, matter: ResolvedMatter): void {
  if (matter.notApplicable !== undefined) {
    stage.notApplicable += 1;
    return;
  }
  stage.matters += 1;
  if (matter.value.status !== undefined && LANDED.has(matter.value.status)) stage.landed += 1;
  else stage.other += 1;
  stage.empty = false;
}

/**
 * The lifecycle coverage map of a resolved list: per subject and stage of the taxonomy, how many matters
 * it has (landed / other, and not applicable), which stages are empty, and — for a list that is not
 * national, given the national lists — which national matters it lacks (neither inherited nor marked not
 * applicable).
 *
 * @example
 * const map = coverage({ checklist: qingdao, taxonomy, national: [batch2024x1, batch2024x2] });
 * map.lacking?.map((matter) => matter.id); // national matters Qingdao has not taken up
 */
export function coverage(options: CoverageOptions): CoverageReport {
  const { checklist, taxonomy } = options;
  const subjects = new Map<string, { coverage: SubjectCoverage; stages: Map<string, StageCoverage> }>();
  for (const subject of taxonomy.spec.subjects) {
    const stages = new Map(subject.stages.map((stage) => [stage.id, emptyStage(stage.id, stage.name, true)]));
    subjects.set(subject.id, {
      coverage: { subject: subject.id, name: subject.name, matters: 0, landed: 0, notApplicable: 0, stages: [], emptyStages: [] },
      stages,
    });
  }
  for (const matter of checklist.matters) {
    const { subject, stage } = matter.value;
    let entry = subjects.get(subject);
    if (entry === undefined) {
      entry = { coverage: { subject, matters: 0, landed: 0, notApplicable: 0, stages: [], emptyStages: [] }, stages: new Map() };
      subjects.set(subject, entry);
    }
    let stageEntry = entry.stages.get(stage);
    if (stageEntry === undefined) {
      stageEntry = emptyStage(stage, undefined, false);
      entry.stages.set(stage, stageEntry);
    }
    count(stageEntry, matter);
  }
  const result: SubjectCoverage[] = [...subjects.values()].map(({ coverage: subject, stages }) => {
    const list = [...stages.values()];
    return {
      ...subject,
      matters: list.reduce((sum, stage) => sum + stage.matters, 0),
      landed: list.reduce((sum, stage) => sum + stage.landed, 0),
      notApplicable: list.reduce((sum, stage) => sum + stage.notApplicable, 0),
      stages: list,
      emptyStages: list.filter((stage) => stage.empty && stage.inTaxonomy).map((stage) => stage.stage),
    };
  });
  const national = options.national ?? [];
  const notApplicable = checklist.matters.filter((matter) => matter.notApplicable !== undefined).length;
  const report: CoverageReport = {
    checklist: checklist.id,
    subjects: result,
    matters: checklist.matters.length - notApplicable,
    notApplicable,
    comparedWith: [],
  };
  const isNational = checklist.jurisdiction?.level === "national" || national.some((list) => list.id === checklist.id);
  if (national.length === 0 || isNational) return report;
  const present = new Set(checklist.matters.map((matter) => matter.id));
  const lacking: LackingMatter[] = [];
  const listed = new Set<string>();
  for (const list of national) {
    for (const matter of list.matters) {
      if (present.has(matter.id) || listed.has(matter.id)) continue;
      listed.add(matter.id);
      lacking.push({
        id: matter.id,
        name: matter.value.name,
        subject: matter.value.subject,
        stage: matter.value.stage,
        checklist: list.id,
        checklistTitle: list.title,
      });
    }
  }
  return { ...report, lacking, comparedWith: national.map((list) => list.id) };
}
