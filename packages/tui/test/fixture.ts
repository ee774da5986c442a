import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseSource, type ParsedDocument } from "@onething/sdk";

const repository = fileURLToPath(new URL("../../../", import.meta.url));

/** The files of the fixture project: the real taxonomy, registry, catalogue and the 2024 batch 1 list. */
export const FIXTURE_FILES = ["checklists/taxonomy.yaml", "checklists/departments/national.yaml", "checklists/items/national.yaml", "checklists/national/2024-1.yaml"];

/** The checklist the tests edit. */
export const LIST = "checklists/national/2024-1.yaml";

/**
 * The texts of the fixture project, read from the repository. The list gets a promised time on
 * newborn-birth (the national data has none), the one line an edit is expected to change.
 */
export function fixtureTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const path of FIXTURE_FILES) {
    let text = readFileSync(`${repository}${path}`, "utf8");
    if (path === LIST) {
      text = text.replace("      stage: birth\n", "      stage: birth\n      promisedTime: { value: 20, unit: workday }\n");
      if (!text.includes("promisedTime: { value: 20")) throw new Error("fixture: newborn-birth no longer has `stage: birth`");
    }
    texts.set(path, text);
  }
  return texts;
}

/** The fixture project parsed, as the editor receives it. */
export function fixtureDocuments(texts: Map<string, string> = fixtureTexts()): ParsedDocument[] {
  return [...texts].flatMap(([path, text]) => {
    const document = parseSource({ path, text }).document;
    return document === undefined ? [] : [document];
  });
}

/** The lines that differ between two texts of the same number of lines, with their 1-based numbers. */
export function changedLines(before: string, after: string): { line: number; before: string | undefined; after: string | undefined }[] {
  const a = before.split("\n");
  const b = after.split("\n");
  const out: { line: number; before: string | undefined; after: string | undefined }[] = [];
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    if (a[index] !== b[index]) out.push({ line: index + 1, before: a[index], after: b[index] });
  }
  return out;
}

/** Qingdao's local list, which extends the national lists with patches and not-applicable entries. */
export const QINGDAO = "checklists/local/shandong/qingdao.yaml";

/**
 * The documents of a project around Qingdao's list: the taxonomy, both registries, the catalogue, every
 * national list it extends and the list itself, with `edit` applied to Qingdao's text.
 *
 * @example
 * const state = createState({ documents: qingdaoDocuments(), editable: [QINGDAO] });
 */
export function qingdaoDocuments(edit: (text: string) => string = (text) => text): ParsedDocument[] {
  const files = [
    "checklists/taxonomy.yaml",
    "checklists/departments/national.yaml",
    "checklists/departments/qingdao.yaml",
    "checklists/items/national.yaml",
    "checklists/national/2024-1.yaml",
    "checklists/national/2024-2.yaml",
    "checklists/national/2025-1.yaml",
    "checklists/national/2025-2.yaml",
    "checklists/national/total.yaml",
    QINGDAO,
  ];
  return files.flatMap((path) => {
    const text = readFileSync(`${repository}${path}`, "utf8");
    const document = parseSource({ path, text: path === QINGDAO ? edit(text) : text }).document;
    return document === undefined ? [] : [document];
  });
}
