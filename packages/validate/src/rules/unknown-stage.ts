import type { LocalizedMessage } from "@onething/schemas";
import { findNearest } from "../edit-distance.js";
import { joinPointer } from "../format.js";
import type { Subject } from "../model.js";
import type { ProjectIndex } from "../project-index.js";
import { hasKind } from "../rule-helpers.js";
import { valueAt } from "../structural.js";
import { matchStageName, matchSubjectName, type StageNameMatch } from "../taxonomy-names.js";
import { defineRule } from "../types.js";
import type { StructuralFinding, StructuralHint } from "../types.js";

/** Where a matter's fields are in a checklist: a matter, or the `set` of a patch (which may omit `subject`). */
const MATTER_FIELD = /^(\/spec\/(?:matters\/\d+|patches\/\d+\/set))\/(stage|subject)$/;

/** A stage's id and name for a message, `market-entry（准入准营）` / `market-entry (Market entry and permits)`. */
function describeStage(match: StageNameMatch): LocalizedMessage {
  return { zh: `${match.stage}（${match.name.zh}）`, en: `${match.stage} (${match.name.en})` };
}

/**
 * The hint for a `stage` written as a stage's name or 2022 alias rather than its id. The stages of the matter's subject
 * count first (all subjects when the subject is not one of the Taxonomy's), a stage's name before an alias; a name that
 * belongs only to another subject's stage says so; a value that names no stage gets no hint.
 */
function hintStage(index: ProjectIndex, options: { value: string; subject: unknown }): StructuralHint | undefined {
  const { value } = options;
  const matches = matchStageName(index, value);
  if (matches.length === 0) return undefined;
  const subject = typeof options.subject === "string" && index.stages.has(options.subject as Subject) ? options.subject : undefined;
  const own = subject === undefined ? matches : matches.filter((match) => match.subject === subject);
  if (own.length === 0) {
    const other = matches[0]!;
    const what: LocalizedMessage = other.kind === "name" ? { zh: "名称", en: "name" } : { zh: `旧名（${other.taxonomy ?? ""} 年版）`, en: `${other.taxonomy ?? ""} name` };
    return { messageId: "hintOtherSubject", data: { value, subject: subject ?? "", other: other.subject, stage: other.stage, name: other.name, what } };
  }
  const named = own.filter((match) => match.kind === "name");
  const chosen = named.length > 0 ? named : own;
  if (chosen.length > 1) {
    const stages: LocalizedMessage = {
      zh: chosen.map((match) => describeStage(match).zh).join("、"),
      en: chosen.map((match) => describeStage(match).en).join(", "),
    };
    return { messageId: "hintSeveral", data: { value, stages } };
  }
  const match = chosen[0]!;
  if (match.kind === "name") return { messageId: "hintName", data: { value, stage: match.stage, name: match.name } };
  return {
    messageId: match.ownMapping === true ? "hintOwnMapping" : "hintAlias",
    data: { value, stage: match.stage, name: match.name, taxonomy: match.taxonomy ?? "" },
  };
}

/** The hint for a `subject` written as a subject's name (经营主体, Individual) rather than its id. */
function hintSubject(index: ProjectIndex, value: string): StructuralHint | undefined {
  const [match] = matchSubjectName(index, value);
  return match === undefined ? undefined : { messageId: "hintSubjectName", data: { value, subject: match.subject, name: match.name } };
}

/** A hint for a schema finding on a matter's `stage` or `subject` whose value is a name from the Taxonomy. */
function hintStructural(finding: StructuralFinding): StructuralHint | undefined {
  const { diagnostic, document, index } = finding;
  const field = MATTER_FIELD.exec(diagnostic.pointer ?? "");
  if (!field || index.taxonomies.length === 0) return undefined;
  if ((document.value as { kind?: unknown } | null)?.kind !== "Checklist") return undefined;
  const value = valueAt(document.value, diagnostic.pointer ?? "");
  if (typeof value !== "string") return undefined;
  const matter = field[1]!;
  if (field[2] === "subject") return hintSubject(index, value);
  return hintStage(index, { value, subject: valueAt(document.value, joinPointer(matter, "subject")) });
}

/** A matter's stage is a stage of its subject's lifecycle in the Taxonomy. */
export const unknownStage = defineRule({
  meta: {
    id: "unknown-stage",
    severity: "error",
    description: {
      zh: "一件事的阶段（stage）必须是分类（Taxonomy）中其主体生命周期的阶段。",
      en: "A matter's stage is one of the lifecycle stages of its subject in the Taxonomy.",
    },
    messages: {
      unknown: { zh: "阶段 {stage} 不是主体 {subject} 的生命周期阶段（可选：{stages}）", en: "The stage {stage} is not a lifecycle stage of the subject {subject} (known: {stages})" },
      otherSubject: { zh: "阶段 {stage} 属于主体 {other}，不属于 {subject}", en: "The stage {stage} belongs to the subject {other}, not to {subject}" },
      unknownSubject: { zh: "分类中没有主体 {subject} 的生命周期", en: "The Taxonomy has no lifecycle for the subject {subject}" },
      didYouMean: { zh: "是否想写 {suggestion}？", en: "Did you mean {suggestion}?" },
      hintAlias: {
        zh: "{value} 是 {taxonomy} 年版的阶段名，对应 2025 年版的 {stage}（{name}）：改为 {stage}。",
        en: "{value} is a {taxonomy} stage name; its 2025 stage is {stage} ({name}): write {stage}.",
      },
      hintOwnMapping: {
        zh: "{value} 是 {taxonomy} 年版的阶段名；分类把它对应到 2025 年版的 {stage}（{name}），但这是本项目自己的对应，并非官方对应：确认适合这件事后改为 {stage}。",
        en: "{value} is a {taxonomy} stage name; the Taxonomy maps it to the 2025 stage {stage} ({name}), a mapping of its own, not an official one: write {stage} if it fits the matter.",
      },
      hintName: {
        zh: "{value} 是阶段 {stage}（{name}）的名称；stage 要写阶段标识：改为 {stage}。",
        en: "{value} is the name of the stage {stage} ({name}); stage takes the stage id: write {stage}.",
      },
      hintSeveral: {
        zh: "{value} 对应多个阶段：{stages}；按这件事的内容选一个阶段标识。",
        en: "{value} names several stages: {stages}; write the id of the one that fits the matter.",
      },
      hintOtherSubject: {
        zh: "{value} 是主体 {other} 的阶段 {stage}（{name}）的{what}，不属于主体 {subject}：检查 subject 是否写对，或改用 {subject} 的阶段。",
        en: "{value} is the {what} of the stage {stage} ({name}) of the subject {other}, not of {subject}: check the subject, or use a stage of {subject}.",
      },
      hintSubjectName: {
        zh: "{value} 是主体 {subject}（{name}）的名称；subject 要写主体标识：改为 {subject}。",
        en: "{value} is the name of the subject {subject} ({name}); subject takes the subject id: write {subject}.",
      },
    },
    hint: { zh: "使用分类中该主体的阶段标识；2022 年版的旧阶段名请换成其对应的 2025 年版阶段。", en: "Use a stage id of the subject from the Taxonomy; map a 2022 stage name onto its 2025 stage." },
  },
  hintStructural,
  check(context) {
    const { index } = context;
    if (!hasKind(index, "Taxonomy")) return;
    for (const matter of index.matters) {
      const { subject, stage } = matter.value;
      const stages = index.stages.get(subject);
      if (stages?.has(stage) === true) continue;
      if (index.incomplete.stages.has(`${subject}/${stage}`)) continue;
      if (!stages) {
        if (index.taxonomies.length > 0) {
          context.report({ messageId: "unknownSubject", data: { subject, stage }, document: matter.document, pointer: joinPointer(matter.pointer, "subject"), part: "value" });
        }
        continue;
      }
      const other = [...index.stages].find(([, otherStages]) => otherStages.has(stage))?.[0];
      const suggestion = findNearest(stage, stages.keys());
      context.report({
        messageId: other ? "otherSubject" : "unknown",
        data: { subject, stage, other: other ?? "", stages: [...stages.keys()].join(", "), suggestion: suggestion ?? "" },
        document: matter.document,
        pointer: joinPointer(matter.pointer, "stage"),
        part: "value",
        ...(suggestion ? { hintId: "didYouMean" } : {}),
      });
    }
  },
});
