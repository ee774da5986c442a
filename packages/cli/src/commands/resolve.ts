import { formatDiagnostics, resolveChecklist, toResolvedData, type Lang, type ResolvedData } from "@onething/sdk";
import { Document } from "yaml";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, type CliIo } from "../io.js";
import { writeResult } from "../output.js";
import { parseCommandArguments, readLangOption, UsageError } from "../options.js";
import { loadReportProject } from "./report-project.js";
import { RESOLVE_FORMATS, resolveMessages } from "./resolve-messages.js";

type OptionSpec = Parameters<typeof parseCommandArguments>[0]["spec"];

/** The options `onething resolve` accepts. */
export const RESOLVE_OPTIONS: OptionSpec = {
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
  format: { type: "string", short: "f" },
  "with-origin": { type: "boolean" },
  output: { type: "string", short: "o" },
};

/** Writes the effective list as YAML, headed by a comment naming the list and its chain. */
export function renderResolvedYaml(data: ResolvedData, lang: Lang): string {
  const document = new Document(data);
  document.commentBefore = resolveMessages(lang).header(data.id, data.version, data.chain.join(" → "));
  return document.toString({ lineWidth: 0 });
}

/** Runs `onething resolve <checklist-id> [paths…]` and returns the exit code. */
export async function runResolve(options: { argv: string[]; io: CliIo; lang: Lang }): Promise<number> {
  const { io } = options;
  const args = parseCommandArguments({ argv: options.argv, spec: RESOLVE_OPTIONS, command: "resolve", lang: options.lang });
  const lang = readLangOption({ value: args.values["lang"], fallback: options.lang });
  const m = resolveMessages(lang);
  if (args.values["help"] === true) {
    io.stdout.write(m.help);
    return EXIT_OK;
  }
  const formatValue = args.values["format"];
  const format = typeof formatValue === "string" ? RESOLVE_FORMATS.find((candidate) => candidate === formatValue) : "yaml";
  if (format === undefined) throw new UsageError(m.badFormat(String(formatValue)));
  const [id, ...paths] = args.positionals;
  if (id === undefined) throw new UsageError(m.missingId);
  const output = typeof args.values["output"] === "string" ? args.values["output"] : undefined;

  const project = await loadReportProject({ io, paths, lang });
  const result = resolveChecklist({ documents: project.documents, id });
  if (result.checklist === undefined) {
    const available = project.documents.filter((document) => document.kind === "Checklist" && document.id !== undefined).map((document) => document.id);
    io.stderr.write(`${m.unknownChecklist(id, available.join(", "))}\n`);
    return EXIT_UNUSABLE;
  }
  if (result.diagnostics.length > 0) {
    const sources = new Map(project.documents.map((document) => [document.path, document.text]));
    io.stderr.write(formatDiagnostics(result.diagnostics, { format: "stylish", lang, sources, color: false, cwd: io.cwd }));
  }
  const data = toResolvedData(result.checklist, { withOrigin: args.values["with-origin"] === true });
  const text = format === "json" ? `${JSON.stringify(data, null, 2)}\n` : renderResolvedYaml(data, lang);
  const written = await writeResult({ io, output, text, lang });
  if (written !== EXIT_OK) return written;
  return result.diagnostics.some((diagnostic) => diagnostic.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
}
