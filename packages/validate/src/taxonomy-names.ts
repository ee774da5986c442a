import type { LocalizedMessage } from "@onething/schemas";
import type { ProjectIndex } from "./project-index.js";

/** How a written value names a stage: by its current name (zh or en) or by an alias from an older taxonomy. */
export type StageNameKind = "name" | "alias";

/** A stage of the Taxonomy that a written value names, other than by its id. */
export interface StageNameMatch {
  /** The subject whose lifecycle holds the stage. */
  subject: string;
  /** The stage id, what `stage` should hold. */
  stage: string;
  /** The stage's name in both languages (the zh name where it has no en one). */
  name: LocalizedMessage;
  /** Whether the value is the stage's name or one of its aliases. */
  kind: StageNameKind;
  /** For an alias: the older taxonomy it comes from as the alias's `taxonomy` gives it, free text such as "2022". */
  taxonomy?: string;
  /** For an alias: whether the Taxonomy's note marks the mapping as its own judgement ("our mapping"). */
  ownMapping?: boolean;
}

/** A subject of the Taxonomy that a written value names, other than by its id. */
export interface SubjectNameMatch {
  /** The subject id, what `subject` should hold. */
  subject: string;
  /** The subject's name in both languages. */
  name: LocalizedMessage;
}

/** The names of the Taxonomy's stages and subjects, by the key {@link nameKey} gives a written value. */
interface TaxonomyNames {
  stages: Map<string, StageNameMatch[]>;
  subjects: Map<string, SubjectNameMatch[]>;
}

/**
 * The key a name is matched by as written: surrounding blanks ignored, English case ignored (Chinese has none).
 *
 * @example
 * nameKey(" Market entry ") === nameKey("market entry"); // true
 */
export function nameKey(text: string): string {
  return text.trim().toLowerCase();
}

function localized(name: { zh: string; en?: string }): LocalizedMessage {
  return { zh: name.zh, en: name.en ?? name.zh };
}

function add<T extends { subject: string }>(map: Map<string, T[]>, key: string, match: T, same: (a: T, b: T) => boolean): void {
  if (key === "") return;
  const list = map.get(key);
  if (!list) map.set(key, [match]);
  else if (!list.some((other) => same(other, match))) list.push(match);
}

const sameStage = (a: StageNameMatch, b: StageNameMatch) => a.subject === b.subject && a.stage === b.stage;
const sameSubject = (a: SubjectNameMatch, b: SubjectNameMatch) => a.subject === b.subject;

/** A note such as "our mapping; …" says the mapping is the Taxonomy author's judgement, not an official one. */
function isOwnMapping(note: string | undefined): boolean {
  return note !== undefined && /^\s*our mapping\b/i.test(note);
}

function collectNames(index: ProjectIndex): TaxonomyNames {
  const names: TaxonomyNames = { stages: new Map(), subjects: new Map() };
  for (const taxonomy of index.taxonomies) {
    for (const subject of taxonomy.value.spec.subjects) {
      const subjectMatch: SubjectNameMatch = { subject: subject.id, name: localized(subject.name) };
      add(names.subjects, nameKey(subject.name.zh), subjectMatch, sameSubject);
      if (subject.name.en !== undefined) add(names.subjects, nameKey(subject.name.en), subjectMatch, sameSubject);
      for (const stage of subject.stages) {
        const named: StageNameMatch = { subject: subject.id, stage: stage.id, name: localized(stage.name), kind: "name" };
        add(names.stages, nameKey(stage.name.zh), named, sameStage);
        if (stage.name.en !== undefined) add(names.stages, nameKey(stage.name.en), named, sameStage);
      }
    }
  }
  // Aliases after every name, so that a value that is both a stage's name and an alias (工程建设, 就业) is read as the name.
  for (const taxonomy of index.taxonomies) {
    for (const subject of taxonomy.value.spec.subjects) {
      for (const stage of subject.stages) {
        for (const alias of stage.aliases ?? []) {
          add(
            names.stages,
            nameKey(alias.zh),
            { subject: subject.id, stage: stage.id, name: localized(stage.name), kind: "alias", taxonomy: alias.taxonomy, ownMapping: isOwnMapping(alias.note) },
            sameStage,
          );
        }
      }
    }
  }
  return names;
}

const namesByIndex = new WeakMap<ProjectIndex, TaxonomyNames>();

/** The Taxonomy's names, collected on first use: only a finding that needs them pays for them. */
function taxonomyNames(index: ProjectIndex): TaxonomyNames {
  let names = namesByIndex.get(index);
  if (!names) namesByIndex.set(index, (names = collectNames(index)));
  return names;
}

/**
 * The stages of the project's taxonomies that `value` names by their zh or en name or by an alias, a name the stage
 * had in an older taxonomy (2022 or any other its `taxonomy` names), never by id; each stage once, names before
 * aliases; empty when it names none. Blanks around `value` and English case are ignored.
 *
 * @example
 * const [match] = matchStageName(indexProject(documents), "开办");
 * // { subject: "enterprise", stage: "market-entry", name: { zh: "准入准营", en: "Market entry and permits" }, kind: "alias", taxonomy: "2022", ownMapping: false }
 */
export function matchStageName(index: ProjectIndex, value: string): readonly StageNameMatch[] {
  return taxonomyNames(index).stages.get(nameKey(value)) ?? [];
}

/**
 * The subjects of the project's taxonomies that `value` names by their zh or en name (never by id); empty when none.
 * Blanks around `value` and English case are ignored.
 *
 * @example
 * matchSubjectName(indexProject(documents), "经营主体")[0]?.subject; // "enterprise"
 */
export function matchSubjectName(index: ProjectIndex, value: string): readonly SubjectNameMatch[] {
  return taxonomyNames(index).subjects.get(nameKey(value)) ?? [];
}
