import type { Diagnostic, RelatedLocation, Severity } from "@onething/schemas";
import { hashText } from "@onething/diff";
import { localize } from "../i18n.js";
import type { FormatOptions } from "./options.js";

const LEVELS: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** The base id every artifact location is relative to. */
const SRCROOT = "%SRCROOT%";

function encodePath(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

function toPhysicalLocation(place: Pick<RelatedLocation, "file" | "range">): Record<string, unknown> {
  const physical: Record<string, unknown> = { artifactLocation: { uri: encodePath(place.file), uriBaseId: SRCROOT } };
  if (place.range !== undefined) {
    physical["region"] = {
      startLine: place.range.start.line,
      startColumn: place.range.start.column,
      endLine: place.range.end.line,
      endColumn: place.range.end.column,
    };
  }
  return physical;
}

function isAbsoluteUri(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/iu.test(text);
}

function ruleDescriptor(options: {
  id: string;
  docs: string;
  lang: FormatOptions["lang"];
  descriptions: FormatOptions["ruleDescriptions"];
}): Record<string, unknown> {
  const { id, docs, lang } = options;
  const description = options.descriptions?.get(id);
  const rule: Record<string, unknown> = { id, shortDescription: { text: description === undefined ? id : localize(description, lang) } };
  const link = `${docs}#${id}`;
  // SARIF requires an absolute helpUri; a repository-relative link is given as help text instead.
  if (isAbsoluteUri(docs)) rule["helpUri"] = link;
  else rule["help"] = { text: link, markdown: `[${link}](${link})` };
  return rule;
}

function toFileUri(directory: string): string {
  const normalized = directory.replaceAll("\\", "/");
  const withSlash = normalized.endsWith("/") ? normalized : `${normalized}/`;
  const path = withSlash.startsWith("/") ? withSlash : `/${withSlash}`;
  return `file://${encodePath(path)}`;
}

/**
 * Builds the SARIF 2.1.0 log object (`formatSarif` serialises it).
 *
 * @example
 * const log = toSarifLog(project.diagnostics, { lang: "en", toolVersion: "0.1.0" });
 * writeFileSync("onething.sarif", JSON.stringify(log));
 */
export function toSarifLog(diagnostics: readonly Diagnostic[], options: Omit<FormatOptions, "format">): Record<string, unknown> {
  const { lang } = options;
  const docs = options.rulesDocUrl ?? "docs/rules.md";
  const ruleIds = [...new Set(diagnostics.map((diagnostic) => diagnostic.code))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const seen = new Map<string, number>();
  const results = diagnostics.map((diagnostic) => {
    const result: Record<string, unknown> = {
      ruleId: diagnostic.code,
      ruleIndex: ruleIndex.get(diagnostic.code),
      level: LEVELS[diagnostic.severity],
      message: { text: localize(diagnostic.message, lang) },
    };
    if (diagnostic.file !== undefined) {
      result["locations"] = [{ physicalLocation: toPhysicalLocation({ file: diagnostic.file, range: diagnostic.range }) }];
    }
    const related = (diagnostic.related ?? []).map((place, index) => ({
      id: index,
      physicalLocation: toPhysicalLocation(place),
      message: { text: localize(place.message, lang) },
    }));
    if (related.length > 0) result["relatedLocations"] = related;
    // Keyed on the node, not the line, so a finding keeps its identity when lines above it move.
    const key = [diagnostic.code, diagnostic.file ?? "", diagnostic.pointer ?? "", diagnostic.pointer === undefined ? localize(diagnostic.message, "en") : ""].join("\u0000");
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    result["partialFingerprints"] = { "onethingFinding/v1": `${hashText(key)}:${occurrence}` };
    const properties: Record<string, unknown> = {};
    if (diagnostic.pointer !== undefined) properties["pointer"] = diagnostic.pointer;
    if (diagnostic.hint !== undefined) properties["hint"] = localize(diagnostic.hint, lang);
    if (Object.keys(properties).length > 0) result["properties"] = properties;
    return result;
  });
  const driver: Record<string, unknown> = {
    name: "onething",
    rules: ruleIds.map((id) => ruleDescriptor({ id, docs, lang, descriptions: options.ruleDescriptions })),
  };
  if (isAbsoluteUri(docs)) driver["informationUri"] = docs;
  if (options.toolVersion !== undefined) driver["semanticVersion"] = options.toolVersion;
  const run: Record<string, unknown> = { tool: { driver }, columnKind: "utf16CodeUnits" };
  if (options.cwd !== undefined) run["originalUriBaseIds"] = { [SRCROOT]: { uri: toFileUri(options.cwd) } };
  run["results"] = results;
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [run],
  };
}

/** Renders diagnostics as a SARIF 2.1.0 log with one run, for GitHub code scanning and other consumers. */
export function formatSarif(diagnostics: readonly Diagnostic[], options: Omit<FormatOptions, "format">): string {
  return `${JSON.stringify(toSarifLog(diagnostics, options), null, 2)}\n`;
}
