import { formatDiagnostics, formatGithubParts, type Lang, type Severity } from "@onething/sdk";
import { validateProject } from "@onething/sdk/node";
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from "../io.js";
import { messages } from "../messages.js";
import { writeResult } from "../output.js";
import { readFailSeverity, readFormat, readLangOption, readMaxProblems, readRulesDocUrl, readToday, parseCommandArguments, VALIDATE_OPTIONS } from "../options.js";
import { checkProject, defaultPaths } from "../project.js";
import { VERSION } from "../version.js";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Whether colour should be used: FORCE_COLOR wins (unless "0" or "false"), else a TTY without NO_COLOR. */
export function shouldColor(io: Pick<CliIo, "env" | "isTTY">): boolean {
  const force = io.env["FORCE_COLOR"];
  if (force !== undefined) return force !== "0" && force !== "false";
  const noColor = io.env["NO_COLOR"];
  return io.isTTY && (noColor === undefined || noColor === "");
}

/** The cache folder of `--cache`: `--cache-location` when given, else `.onething-cache` in the project root. */
function readCacheLocation(value: string | boolean | undefined): string {
  return typeof value === "string" && value !== "" ? value : DEFAULT_CACHE_LOCATION;
}

/** Where `--cache` keeps its results unless `--cache-location` says otherwise, relative to the project root. */
export const DEFAULT_CACHE_LOCATION = ".onething-cache";

/**
 * `ONETHING_WORKERS=<n>` sets how many worker threads parse the files (0: none), overriding the automatic choice
 * (one per core for a project of 4 MiB or more on a machine of 4 cores or more); anything else is ignored.
 */
function workersFrom(env: CliIo["env"]): { workers?: number } {
  const value = env["ONETHING_WORKERS"];
  return value !== undefined && /^\d{1,2}$/u.test(value) ? { workers: Number(value) } : {};
}

/** Runs `onething validate [paths…]` and returns the exit code. */
export async function runValidate(options: { argv: string[]; io: CliIo; lang: Lang }): Promise<number> {
  const { io } = options;
  const args = parseCommandArguments({ argv: options.argv, spec: VALIDATE_OPTIONS, command: "validate", lang: options.lang });
  const lang = readLangOption({ value: args.values["lang"], fallback: options.lang });
  if (args.values["help"] === true) {
    io.stdout.write(messages(lang).validateHelp);
    return EXIT_OK;
  }
  const format = readFormat(args.values["format"], lang);
  const today = readToday(args.values["today"], lang);
  const maxProblems = readMaxProblems(args.values["max-problems"], lang);
  const failSeverity = readFailSeverity(args.values["fail-severity"], lang);
  const rulesDocUrl = readRulesDocUrl(args.values["rules-doc-url"], lang);
  const quiet = args.values["quiet"] === true;
  const output = typeof args.values["output"] === "string" ? args.values["output"] : undefined;
  const paths = args.positionals.length > 0 ? args.positionals : await defaultPaths(io.cwd);

  const cacheLocation = args.values["cache"] === true ? readCacheLocation(args.values["cache-location"]) : undefined;
  const project = await checkProject({
    io,
    paths,
    lang,
    ...(today === undefined ? {} : { today }),
    load: (load: { root: string; paths: string[]; today?: string; scope: string[] }) =>
      validateProject({ ...load, toolVersion: VERSION, ...(cacheLocation === undefined ? {} : { cacheLocation }), ...workersFrom(io.env) }),
  });
  const shown = quiet ? project.diagnostics.filter((diagnostic) => diagnostic.severity === "error") : project.diagnostics;
  const formatOptions = {
    lang,
    sources: project.sources,
    files: project.files,
    color: format === "stylish" && output === undefined && shouldColor(io),
    cwd: io.cwd,
    toolVersion: VERSION,
    ...(maxProblems === undefined ? {} : { maxProblems }),
    ...(rulesDocUrl === undefined ? {} : { rulesDocUrl }),
  };
  let text: string;
  let summary: string | undefined;
  if (format === "github") {
    const parts = formatGithubParts(shown, formatOptions);
    text = parts.annotations;
    summary = parts.summary;
  } else {
    text = formatDiagnostics(shown, { ...formatOptions, format });
  }
  // What --quiet hid must not read as an all-clear: people are told how much is hidden (in the report for the
  // formats people read, on stderr for the machine-read ones, whose output must stay parseable).
  const hidden = project.diagnostics.length - shown.length;
  const hiddenNote = hidden > 0 ? messages(lang).quietHidden(hidden) : undefined;
  if (hiddenNote !== undefined && (format === "stylish" || format === "markdown")) {
    text = shown.length === 0 ? `${hiddenNote}\n` : `${text}${hiddenNote}\n`;
  } else if (hiddenNote !== undefined) {
    io.stderr.write(`${hiddenNote}\n`);
  }

  const written = await writeResult({ io, output, text, lang, ...(summary === undefined ? {} : { summary }) });
  if (written !== EXIT_OK) return written;
  const failing = project.diagnostics.some((diagnostic) => RANK[diagnostic.severity] <= RANK[failSeverity]);
  return failing ? EXIT_FINDINGS : EXIT_OK;
}
