import { coverage, reductions, REDUCTION_GROUPINGS, toCsv, type Lang, type ReductionGrouping } from "@onething/sdk";
import { EXIT_OK, type CliIo } from "../io.js";
import { writeResult } from "../output.js";
import { parseCommandArguments, readLangOption, UsageError } from "../options.js";
import { loadStatsProject } from "./stats-load.js";
import { statsMessages } from "./stats-messages.js";
import { Namer } from "./stats-names.js";
import { coverageCsvRows, reductionsCsvRows, renderCoverageMarkdown, renderCoverageText, renderReductionsMarkdown, renderReductionsText } from "./stats-render.js";

/** The output formats of `onething stats`. */
export const STATS_FORMATS = ["text", "markdown", "json", "csv"] as const;

/** An output format of `onething stats`. */
export type StatsFormat = (typeof STATS_FORMATS)[number];

/** The options `onething stats` accepts. */
export const STATS_OPTIONS: Parameters<typeof parseCommandArguments>[0]["spec"] = {
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
  checklist: { type: "string", multiple: true },
  by: { type: "string" },
  coverage: { type: "boolean" },
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
};

function readBy(value: unknown, lang: Lang): ReductionGrouping {
  if (value === undefined) return "none";
  const by = REDUCTION_GROUPINGS.find((candidate) => candidate === value);
  if (by === undefined) throw new UsageError(statsMessages(lang).badBy(String(value)));
  return by;
}

function readStatsFormat(value: unknown, lang: Lang): StatsFormat {
  if (value === undefined) return "text";
  const format = STATS_FORMATS.find((candidate) => candidate === value);
  if (format === undefined) throw new UsageError(statsMessages(lang).badStatsFormat(String(value)));
  return format;
}

/** The repeated `--checklist` values (parseArgs gives an array for a `multiple` option). */
export function readChecklistIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === "string");
  return typeof value === "string" ? [value] : [];
}

/** Runs `onething stats [paths…]` and returns the exit code. */
export async function runStats(options: { argv: string[]; io: CliIo; lang: Lang }): Promise<number> {
  const { io } = options;
  const args = parseCommandArguments({ argv: options.argv, spec: STATS_OPTIONS, command: "stats", lang: options.lang });
  const lang = readLangOption({ value: args.values["lang"], fallback: options.lang });
  if (args.values["help"] === true) {
    io.stdout.write(statsMessages(lang).statsHelp);
    return EXIT_OK;
  }
  const by = readBy(args.values["by"], lang);
  const format = readStatsFormat(args.values["format"], lang);
  const output = typeof args.values["output"] === "string" ? args.values["output"] : undefined;
  const project = await loadStatsProject({ io, paths: args.positionals, ids: readChecklistIds(args.values["checklist"]), lang });
  const namer = new Namer({ lang, ...(project.taxonomy === undefined ? {} : { taxonomy: project.taxonomy }), departments: project.departments });
  if (project.errors > 0) io.stderr.write(`${statsMessages(lang).dataErrors(project.errors)}\n`);

  let text: string;
  if (args.values["coverage"] === true) {
    const taxonomy = project.taxonomy;
    if (taxonomy === undefined) throw new UsageError(statsMessages(lang).noTaxonomy);
    const entries = project.selected.map((list) => ({ list, report: coverage({ checklist: list, taxonomy, national: project.national }) }));
    if (format === "text") text = renderCoverageText(entries, namer);
    else if (format === "markdown") text = renderCoverageMarkdown(entries, namer);
    else if (format === "csv") text = toCsv(coverageCsvRows(entries, namer));
    else text = `${JSON.stringify({ checklists: entries.map(({ list, report }) => ({ id: list.id, title: list.title, version: list.version, chain: list.chain, coverage: report })) }, null, 2)}\n`;
  } else {
    const entries = project.selected.map((list) => ({ list, report: reductions(list, { by, ...(project.taxonomy === undefined ? {} : { taxonomy: project.taxonomy }) }) }));
    if (format === "text") text = renderReductionsText(entries, namer);
    else if (format === "markdown") text = renderReductionsMarkdown(entries, namer);
    else if (format === "csv") text = toCsv(reductionsCsvRows(entries, namer));
    else text = `${JSON.stringify({ by, checklists: entries.map(({ list, report }) => ({ id: list.id, title: list.title, version: list.version, chain: list.chain, reductions: report })) }, null, 2)}\n`;
  }
  return writeResult({ io, output, text, lang });
}
