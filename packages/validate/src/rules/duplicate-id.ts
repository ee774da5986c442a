import type { SourceDocument } from "@onething/schemas";
import { joinPointer } from "../format.js";
import type { Material } from "../model.js";
import { matterLikes } from "../rule-helpers.js";
import { defineRule, type RuleContext } from "../types.js";

interface Definition {
  document: SourceDocument;
  pointer: string;
}

function reportRepeats(options: { context: RuleContext; messageId: string; id: string; definitions: readonly Definition[] }): void {
  const { definitions } = options;
  const first = definitions[0];
  if (!first) return;
  for (let at = 1; at < definitions.length; at++) {
    const repeat = definitions[at];
    if (!repeat) continue;
    options.context.report({
      messageId: options.messageId,
      data: { id: options.id, file: first.document.path },
      document: repeat.document,
      pointer: joinPointer(repeat.pointer, "id"),
      related: [{ document: first.document, pointer: joinPointer(first.pointer, "id"), messageId: "first" }],
    });
  }
}

/** Lists up to this long are searched for a repeat pair by pair, which beats hashing every id into a set. */
const PAIRWISE_LENGTH = 16;

/** Whether some id repeats in the list; most lists are short and have none. */
function hasRepeat(entries: ReadonlyArray<{ id: string }>): boolean {
  const length = entries.length;
  if (length < 2) return false;
  if (length <= PAIRWISE_LENGTH) {
    for (let at = 1; at < length; at++) {
      const id = entries[at]?.id;
      for (let before = 0; before < at; before++) if (entries[before]?.id === id) return true;
    }
    return false;
  }
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) return true;
    seen.add(entry.id);
  }
  return false;
}

function checkList(options: { context: RuleContext; messageId: string; entries: ReadonlyArray<{ id: string }>; document: SourceDocument; pointer: string }): void {
  if (!hasRepeat(options.entries)) return;
  const byId = new Map<string, Definition[]>();
  options.entries.forEach((entry, position) => {
    const definition = { document: options.document, pointer: joinPointer(options.pointer, position) };
    const list = byId.get(entry.id);
    if (list) list.push(definition);
    else byId.set(entry.id, [definition]);
  });
  for (const [id, definitions] of byId) reportRepeats({ context: options.context, messageId: options.messageId, id, definitions });
}

function checkMaterials(context: RuleContext, owner: Definition & { value: { materials?: readonly Material[] } }): void {
  const { materials } = owner.value;
  if (materials && hasRepeat(materials)) checkList({ context, messageId: "material", entries: materials, document: owner.document, pointer: joinPointer(owner.pointer, "materials") });
}

/** Ids must be unique: documents and departments and items across the repository, matters within a checklist, materials within a list, stages within a subject. */
export const duplicateId = defineRule({
  meta: {
    id: "duplicate-id",
    severity: "error",
    description: {
      zh: "标识不得重复：文档、部门、事项在整个仓库内唯一；一件事在清单内唯一；材料在所属列表内唯一；阶段在主体内唯一。",
      en: "Ids are unique: documents, departments and items across the repository; matters within a checklist; materials within their list; stages within their subject.",
    },
    messages: {
      metadata: { zh: "文档标识 {id} 重复，已在 {file} 中使用", en: "The document id {id} is already used in {file}" },
      matter: { zh: "一件事标识 {id} 在本清单中重复", en: "The matter id {id} repeats within this checklist" },
      department: { zh: "部门标识 {id} 重复，已在 {file} 中定义", en: "The department id {id} is already defined in {file}" },
      item: { zh: "事项标识 {id} 重复，已在 {file} 中定义", en: "The item id {id} is already defined in {file}" },
      material: { zh: "材料标识 {id} 在同一材料列表中重复", en: "The material id {id} repeats within its list" },
      stage: { zh: "阶段标识 {id} 在同一主体中重复", en: "The stage id {id} repeats within its subject" },
      first: { zh: "{id} 首次定义于此", en: "{id} is first defined here" },
    },
    hint: { zh: "为其中一个改用新的标识；标识一经发布不得变更。", en: "Give one of them a new id; published ids never change." },
  },
  check(context) {
    const { index } = context;
    for (const [id, located] of index.metadataIds) {
      if (located.length < 2) continue;
      reportRepeats({ context, messageId: "metadata", id, definitions: located.map((entry) => ({ document: entry.document, pointer: "/metadata" })) });
    }
    for (const [id, definitions] of index.departments) if (definitions.length > 1) reportRepeats({ context, messageId: "department", id, definitions });
    for (const [id, definitions] of index.items) if (definitions.length > 1) reportRepeats({ context, messageId: "item", id, definitions });
    for (const checklist of index.checklists) {
      checkList({ context, messageId: "matter", entries: checklist.value.spec.matters, document: checklist.document, pointer: "/spec/matters" });
    }
    for (const [, definitions] of index.items) {
      for (const item of definitions) checkMaterials(context, item);
    }
    for (const matter of matterLikes(index)) checkMaterials(context, matter);
    for (const taxonomy of index.taxonomies) {
      taxonomy.value.spec.subjects.forEach((subject, position) => {
        checkList({ context, messageId: "stage", entries: subject.stages, document: taxonomy.document, pointer: joinPointer("/spec/subjects", position, "stages") });
      });
    }
  },
});
