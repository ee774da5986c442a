import { listProgressDocuments, reconcileDocuments, resolveChecklists, type Lang } from "@onething/sdk";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, type CliIo } from "../io.js";
import { writeResult } from "../output.js";
import { parseCommandArguments, readLangOption, readToday, UsageError } from "../options.js";
import { renderReconcileCsv, renderReconcileJson, renderReconcileMarkdown, renderReconcileText, type ReconcileFormat, type ReconcileRun } from "./reconcile-format.js";
import { RECONCILE_FORMATS, reconcileMessages } from "./reconcile-messages.js";
import { loadReportProject } from "./report-project.js";

type OptionSpec = Parameters<typeof parseCommandArguments>[0]["spec"];

/** The options `onething reconcile` accepts. */
export const RECONCILE_OPTIONS: OptionSpec = {
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
  today: { type: "string" },
  progress: { type: "string" },
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
};

function readReconcileFormat(value: string | boolean | undefined, lang: Lang): ReconcileFormat {
  if (value === undefined || typeof value === "boolean") return "text";
  const format = RECONCILE_FORMATS.find((candidate) => candidate === value);
  if (format === undefined) throw new UsageError(reconcileMessages(lang).badFormat(value));
  return format;
}

/** Today's date in UTC as YYYY-MM-DD. */
function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Renders a reconcile run in the chosen format. */
export function renderReconcile(run: ReconcileRun, options: { format: ReconcileFormat; lang: Lang }): string {
  switch (options.format) {
    case "markdown":
      return renderReconcileMarkdown(run, options.lang);
    case "json":
      return renderReconcileJson(run);
    case "csv":
      return renderReconcileCsv(run, options.lang);
    default:
      return renderReconcileText(run, options.lang);
  }
}

/** Runs `onething reconcile [paths…]` and returns the exit code. */
export async function runReconcile(options: { argv: string[]; io: CliIo; lang: Lang }): Promise<number> {
  const { io } = options;
  const args = parseCommandArguments({ argv: options.argv, spec: RECONCILE_OPTIONS, command: "reconcile", lang: options.lang });
  const lang = readLangOption({ value: args.values["lang"], fallback: options.lang });
  const m = reconcileMessages(lang);
  if (args.values["help"] === true) {
    io.stdout.write(m.help);
    return EXIT_OK;
  }
  const format = readReconcileFormat(args.values["format"], lang);
  const today = readToday(args.values["today"], lang) ?? utcToday();
  const progressId = typeof args.values["progress"] === "string" ? args.values["progress"] : undefined;
  const output = typeof args.values["output"] === "string" ? args.values["output"] : undefined;

  const project = await loadReportProject({ io, paths: args.positionals, lang, today });
  const ledgers = listProgressDocuments(project.documents).filter((document) => project.requested(document.path));
  if (ledgers.length === 0) {
    io.stderr.write(`${m.noProgress(project.paths.join(", "))}\n`);
    return EXIT_UNUSABLE;
  }
  const ids = ledgers.map((document) => document.id).filter((id): id is string => id !== undefined);
  if (progressId !== undefined && !ids.includes(progressId)) {
    io.stderr.write(`${m.progressNotFound(progressId, ids.join(", "))}\n`);
    return EXIT_UNUSABLE;
  }
  const errors = project.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  if (errors > 0) io.stderr.write(`${m.validationNote(errors)}\n`);

  const { checklists } = resolveChecklists({ documents: project.documents });
  const result = reconcileDocuments({ documents: ledgers, checklists, today, ...(progressId === undefined ? {} : { progress: progressId }) });
  const text = renderReconcile({ today, ...result }, { format, lang });
  const written = await writeResult({ io, output, text, lang });
  if (written !== EXIT_OK) return written;
  return result.diagnostics.some((diagnostic) => diagnostic.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
}
