import type { LocalizedMessage } from "@onething/schemas";
import { findNearest } from "../edit-distance.js";
import { joinPointer } from "../format.js";
import type { Subject } from "../model.js";
import { checklistChain, type ProjectIndex } from "../project-index.js";
import { hasKind } from "../rule-helpers.js";
import { valueAt } from "../structural.js";
import { matchStageName, matchSubjectName, nameKey, type StageNameMatch } from "../taxonomy-names.js";
import { defineRule } from "../types.js";
import type { StructuralFinding, StructuralHint } from "../types.js";

/** Where a matter's fields are in a checklist: a matter, or the `set` of a patch (which may omit `subject`). */
const MATTER_FIELD = /^(\/spec\/(?:matters\/\d+|patches\/(\d+)\/set))\/(stage|subject)$/;

/** Whether a written value is a name as matched (blanks around it and English case ignored, as `nameKey` keys them). */
function sameName(value: string, name: string): boolean {
  return nameKey(value) === nameKey(name);
}

/**
 * A name in parentheses after an id, `（准入准营）` / ` (Market entry and permits)`, in each language left out where it
 * would only repeat the written value; `beforeText` gives a zh id left bare the blank that parts it from the Chinese
 * text after it (`individual 的名称`).
 */
function parenthesised(value: string, name: LocalizedMessage, options: { beforeText: boolean }): LocalizedMessage {
  return {
    zh: sameName(value, name.zh) ? (options.beforeText ? " " : "") : `（${name.zh}）`,
    en: sameName(value, name.en) ? "" : ` (${name.en})`,
  };
}

/** A stage's id and name for a list, `market-entry（准入准营）` / `market-entry (Market entry and permits)`, the name left out where it is the value. */
function describeStage(value: string, match: StageNameMatch): LocalizedMessage {
  const named = parenthesised(value, match.name, { beforeText: false });
  return { zh: `${match.stage}${named.zh}`, en: `${match.stage}${named.en}` };
}

/**
 * Where an alias comes from, for "{value} 是 {source}": `2022 年版的阶段名` / `a 2022 stage name` when its `taxonomy` is
 * a year, `国办发〔2019〕号 中的阶段名` / `a stage name in 国办发〔2019〕号` for any other text, `旧阶段名` / `an older stage
 * name` for none. The Taxonomy records no year of its own, so no message names one for it.
 */
function aliasSource(taxonomy: string | undefined): LocalizedMessage {
  const source = taxonomy?.trim() ?? "";
  if (source === "") return { zh: "旧阶段名", en: "an older stage name" };
  if (/^\d{4}$/.test(source)) return { zh: `${source} 年版的阶段名`, en: `a ${source} stage name` };
  return { zh: `${source} 中的阶段名`, en: `a stage name in ${source}` };
}

/** What an alias is of a stage, for "the {what} of the stage": `旧名（2022 年版）` / `2022 name`, and so on as {@link aliasSource}. */
function aliasWhat(taxonomy: string | undefined): LocalizedMessage {
  const source = taxonomy?.trim() ?? "";
  if (source === "") return { zh: "旧名", en: "older name" };
  if (/^\d{4}$/.test(source)) return { zh: `旧名（${source} 年版）`, en: `${source} name` };
  return { zh: `旧名（${source}）`, en: `older name (in ${source})` };
}

/**
 * The hint for a `stage` written as a stage's name or an older taxonomy's alias rather than its id. The stages of the
 * matter's subject count first (all subjects when the subject is not one of the Taxonomy's), a stage's name before an
 * alias; a name that belongs only to another subject's stage says so; a value that names no stage gets no hint.
 */
function hintStage(index: ProjectIndex, options: { value: string; subject: unknown }): StructuralHint | undefined {
  const { value } = options;
  const matches = matchStageName(index, value);
  if (matches.length === 0) return undefined;
  const subject = typeof options.subject === "string" && index.stages.has(options.subject as Subject) ? options.subject : undefined;
  const own = subject === undefined ? matches : matches.filter((match) => match.subject === subject);
  if (own.length === 0) {
    const other = matches[0]!;
    const what: LocalizedMessage = other.kind === "name" ? { zh: "名称", en: "name" } : aliasWhat(other.taxonomy);
    const named = parenthesised(value, other.name, { beforeText: true });
    return { messageId: "hintOtherSubject", data: { value, subject: subject ?? "", other: other.subject, stage: other.stage, named, what } };
  }
  const named = own.filter((match) => match.kind === "name");
  const chosen = named.length > 0 ? named : own;
  if (chosen.length > 1) {
    const stages: LocalizedMessage = {
      zh: chosen.map((match) => describeStage(value, match).zh).join("、"),
      en: chosen.map((match) => describeStage(value, match).en).join(", "),
    };
    return { messageId: "hintSeveral", data: { value, stages } };
  }
  const match = chosen[0]!;
  if (match.kind === "name") return { messageId: "hintName", data: { value, stage: match.stage, named: parenthesised(value, match.name, { beforeText: true }) } };
  return {
    messageId: match.ownMapping === true ? "hintOwnMapping" : "hintAlias",
    data: { value, stage: match.stage, named: parenthesised(value, match.name, { beforeText: false }), source: aliasSource(match.taxonomy) },
  };
}

/** The hint for a `subject` written as a subject's name (经营主体, Individual) rather than its id. */
function hintSubject(index: ProjectIndex, value: string): StructuralHint | undefined {
  const [match] = matchSubjectName(index, value);
  if (match === undefined) return undefined;
  return { messageId: "hintSubjectName", data: { value, subject: match.subject, named: parenthesised(value, match.name, { beforeText: true }) } };
}

/**
 * The subject of the matter a patch changes, for a patch whose `set` has none: the matter of that id in the patching
 * checklist itself or, through `extends`, in its bases (`checklistChain`, depth first). Undefined when no checklist of
 * the chain that the index holds defines it (a base unknown or itself invalid, say).
 */
function patchedSubject(index: ProjectIndex, document: unknown, position: string): unknown {
  const matterId = valueAt(document, `/spec/patches/${position}/matter`);
  if (typeof matterId !== "string") return undefined;
  const own = valueAt(document, "/spec/matters");
  if (Array.isArray(own)) {
    const found = own.find((matter) => (matter as { id?: unknown } | null)?.id === matterId) as { subject?: unknown } | undefined;
    if (found !== undefined) return found.subject;
  }
  for (const [, checklist] of checklistChain(index, baseIds(valueAt(document, "/spec/extends")))) {
    const matter = checklist?.matters.get(matterId);
    if (matter) return matter.value.subject;
  }
  return undefined;
}

/** The checklist ids a raw `extends` list names, `[{ checklist: cn.national.2024-1 }]` → `["cn.national.2024-1"]`. */
function baseIds(extendsList: unknown): string[] {
  if (!Array.isArray(extendsList)) return [];
  return extendsList.map((base) => (base as { checklist?: unknown } | null)?.checklist).filter((id): id is string => typeof id === "string");
}

/** A hint for a schema finding on a matter's `stage` or `subject` whose value is a name from the Taxonomy. */
function hintStructural(finding: StructuralFinding): StructuralHint | undefined {
  const { diagnostic, document, index } = finding;
  const field = MATTER_FIELD.exec(diagnostic.pointer ?? "");
  if (!field || index.taxonomies.length === 0) return undefined;
  if ((document.value as { kind?: unknown } | null)?.kind !== "Checklist") return undefined;
  const value = valueAt(document.value, diagnostic.pointer ?? "");
  if (typeof value !== "string") return undefined;
  const [, matter, patch, key] = field;
  if (key === "subject") return hintSubject(index, value);
  let subject = valueAt(document.value, joinPointer(matter!, "subject"));
  if (subject === undefined && patch !== undefined) subject = patchedSubject(index, document.value, patch);
  return hintStage(index, { value, subject });
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
        zh: "{value} 是 {source}，对应分类中的阶段 {stage}{named}：改为 {stage}。",
        en: "{value} is {source}, mapped to the Taxonomy's stage {stage}{named}: write {stage}.",
      },
      hintOwnMapping: {
        zh: "{value} 是 {source}；分类把它对应到阶段 {stage}{named}，但这是分类自己的对应，并非官方对应：确认适合这件事后改为 {stage}。",
        en: "{value} is {source}; the Taxonomy maps it to its stage {stage}{named}, a mapping of its own, not an official one: write {stage} if it fits the matter.",
      },
      hintName: {
        zh: "{value} 是阶段 {stage}{named}的名称；stage 要写阶段标识：改为 {stage}。",
        en: "{value} is the name of the stage {stage}{named}; stage takes the stage id: write {stage}.",
      },
      hintSeveral: {
        zh: "{value} 对应多个阶段：{stages}；按这件事的内容选一个阶段标识。",
        en: "{value} names several stages: {stages}; write the id of the one that fits the matter.",
      },
      hintOtherSubject: {
        zh: "{value} 是主体 {other} 的阶段 {stage}{named}的{what}，不属于主体 {subject}：检查 subject 是否写对，或改用 {subject} 的阶段。",
        en: "{value} is the {what} of the stage {stage}{named} of the subject {other}, not of {subject}: check the subject, or use a stage of {subject}.",
      },
      hintSubjectName: {
        zh: "{value} 是主体 {subject}{named}的名称；subject 要写主体标识：改为 {subject}。",
        en: "{value} is the name of the subject {subject}{named}; subject takes the subject id: write {subject}.",
      },
    },
    hint: { zh: "使用分类中该主体的阶段标识；旧分类的阶段名请换成分类中与之对应的阶段。", en: "Use a stage id of the subject from the Taxonomy; map an older taxonomy's stage name onto the Taxonomy's stage for it." },
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
