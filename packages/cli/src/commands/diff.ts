import { DIFF_FORMATS, renderDiff, renderGithub, type DiffFormat, type DiffResult, type Lang } from "@onething/sdk";
import { GIT_INDEX } from "@onething/sdk/node";
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from "../io.js";
import { writeResult } from "../output.js";
import { parseCommandArguments, readLangOption, UsageError } from "../options.js";
import { defaultPaths } from "../project.js";
import { changesetMessages } from "./changeset-messages.js";
import { runCheckChangeset } from "./check-changeset.js";
import { diffVersions } from "./diff-load.js";
import { diffMessages } from "./diff-messages.js";
import { missingPaths, namesCommit, pathExists, readGitVersion, readWorkingAgainst, readWorkingPair, refDefaultPaths, verifyRef, type VersionFile } from "./diff-sources.js";
import { shouldColor } from "./validate.js";

export { parseVersion } from "./diff-sources.js";

/** When `onething diff` exits with 1: on breaking changes, regressions, any change, or never. */
export type FailOn = "breaking" | "regression" | "any" | "none";

/** The options `onething diff` accepts. */
const DIFF_OPTIONS: Parameters<typeof parseCommandArguments>[0]["spec"] = {
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
  format: { type: "string", short: "f" },
  "fail-on": { type: "string" },
  staged: { type: "boolean" },
  output: { type: "string", short: "o" },
  "check-changeset": { type: "string" },
};

/** Checks `--format` of `onething diff`. */
function readDiffFormat(value: string | boolean | undefined, lang: Lang): DiffFormat {
  if (value === undefined || typeof value === "boolean") return "text";
  const format = DIFF_FORMATS.find((candidate) => candidate === value);
  if (format === undefined) throw new UsageError(diffMessages(lang).badFormat(value));
  return format;
}

/** Checks `--fail-on`. */
function readFailOn(value: string | boolean | undefined, lang: Lang): FailOn {
  if (value === undefined || typeof value === "boolean") return "none";
  if (value === "breaking" || value === "regression" || value === "any" || value === "none") return value;
  throw new UsageError(diffMessages(lang).badFailOn(value));
}

/** Whether a diff has a change that `failOn` fails on. */
export function failsOn(result: DiffResult, failOn: FailOn): boolean {
  switch (failOn) {
    case "breaking":
      return result.changes.some((change) => change.class === "breaking");
    case "regression":
      return result.changes.some((change) => change.regression === true);
    case "any":
      return result.changes.length > 0;
    case "none":
      return false;
  }
}

/** A pair of versions to diff. */
type Versions = { before: VersionFile[]; after: VersionFile[] };

/**
 * Reads a git version (`ref`) against `other` (a second commit), the index (`staged`) or the working tree, under
 * `given` paths, or by default `checklists` when it is there (in either commit for two refs, else in the working
 * tree), else `.`. A given path that is nowhere (not in the working tree, at a compared ref or, with `staged`, in
 * the index) is a usage error naming it, never skipped; `separated` (the paths came after `--`) says of one that
 * starts with "-" that it is an option written after `--`.
 */
async function readAgainstRef(options: { io: CliIo; ref: string; other: string | undefined; given: string[]; separated: boolean; staged: boolean; lang: Lang }): Promise<Versions> {
  const { io, ref, other, staged, lang } = options;
  if (other !== undefined && staged) throw new UsageError(diffMessages(lang).stagedWithTwoRefs);
  const paths = options.given.length > 0 ? options.given : other !== undefined ? await refDefaultPaths({ cwd: io.cwd, refs: [ref, other] }) : await defaultPaths(io.cwd);
  const committed = await readGitVersion({ cwd: io.cwd, ref, paths, lang });
  const { before, after } =
    other !== undefined
      ? { before: committed, after: await readGitVersion({ cwd: io.cwd, ref: other, paths, lang }) }
      : staged
        ? { before: committed, after: await readGitVersion({ cwd: io.cwd, ref: undefined, paths, lang }) }
        : await readWorkingAgainst({ cwd: io.cwd, before: committed, paths, lang });
  if (options.given.length > 0) {
    const refs = other !== undefined ? [ref, other] : staged ? [ref, GIT_INDEX] : [ref];
    const missing = await missingPaths({ cwd: io.cwd, paths: options.given, refs, lang });
    // An option written after -- explains the words after it too ("--fail-on any"): it is told first.
    const told = missing.find((path) => options.separated && path.startsWith("-")) ?? missing[0];
    if (told !== undefined) {
      const text = diffMessages(lang);
      throw new UsageError(options.separated && told.startsWith("-") ? text.optionAfterSeparator(told) : text.pathNowhere(told, other !== undefined ? [ref, other] : [ref], staged));
    }
  }
  if (before.length + after.length === 0) throw new UsageError(diffMessages(lang).nothingToCompare(paths.join(", ")));
  return { before, after };
}

/**
 * The versions the positionals name. With a `--` (`beforeSeparator` positionals before it), as in git: before
 * it only refs (none: HEAD; at most two, each naming a commit), after it only paths. Without one, two existing
 * paths are two versions of the working tree, and otherwise the first is a ref and the second a ref only when
 * it is no path but names a commit.
 */
async function readVersions(options: { io: CliIo; positionals: string[]; beforeSeparator: number | undefined; staged: boolean; lang: Lang }): Promise<Versions> {
  const { io, positionals, beforeSeparator, staged, lang } = options;
  if (beforeSeparator !== undefined) {
    const refs = positionals.slice(0, beforeSeparator);
    if (refs.length > 2) throw new UsageError(diffMessages(lang).tooManyRefs(refs));
    for (const ref of refs) await verifyRef({ cwd: io.cwd, ref, lang, separated: true });
    const [ref = "HEAD", other] = refs;
    if (refs.length === 0) await verifyRef({ cwd: io.cwd, ref, lang });
    return readAgainstRef({ io, ref, other, given: positionals.slice(beforeSeparator), separated: true, staged, lang });
  }
  const [first, second] = positionals;
  if (positionals.length === 2 && first !== undefined && second !== undefined && !staged && (await pathExists(io.cwd, first))) {
    const { before, after } = await readWorkingPair({ cwd: io.cwd, before: first, after: second, lang });
    if (before.length + after.length === 0) throw new UsageError(diffMessages(lang).nothingToCompare(`${first}, ${second}`));
    return { before, after };
  }
  const ref = first ?? "HEAD";
  await verifyRef({ cwd: io.cwd, ref, lang });
  // A second argument that is no path but names a commit is the newer version's ref.
  const other = second !== undefined && !(await pathExists(io.cwd, second)) && (await namesCommit({ cwd: io.cwd, ref: second })) ? second : undefined;
  return readAgainstRef({ io, ref, other, given: positionals.slice(other === undefined ? 1 : 2), separated: false, staged, lang });
}

/** Runs `onething diff` and returns the exit code. */
export async function runDiff(options: { argv: string[]; io: CliIo; lang: Lang }): Promise<number> {
  const { io } = options;
  const args = parseCommandArguments({ argv: options.argv, spec: DIFF_OPTIONS, command: "diff", lang: options.lang });
  const lang = readLangOption({ value: args.values["lang"], fallback: options.lang });
  if (args.values["help"] === true) {
    io.stdout.write(diffMessages(lang).help);
    return EXIT_OK;
  }
  const checkRef = args.values["check-changeset"];
  if (typeof checkRef === "string") {
    const conflicting = args.positionals.length > 0 || ["staged", "format", "fail-on", "output"].some((key) => args.values[key] !== undefined);
    if (conflicting) throw new UsageError(changesetMessages(lang).checkConflicts);
    return runCheckChangeset({ io, ref: checkRef, lang });
  }
  const format = readDiffFormat(args.values["format"], lang);
  const failOn = readFailOn(args.values["fail-on"], lang);
  const staged = args.values["staged"] === true;
  const output = typeof args.values["output"] === "string" ? args.values["output"] : undefined;

  const versions = await readVersions({ io, positionals: args.positionals, beforeSeparator: args.beforeSeparator, staged, lang });
  const result = diffVersions({ before: versions.before, after: versions.after, lang });

  let text: string;
  let summary: string | undefined;
  if (format === "github") {
    const parts = renderGithub(result, { lang });
    text = parts.annotations;
    summary = parts.summary;
  } else {
    text = renderDiff(result, { format, lang, color: format === "text" && output === undefined && shouldColor(io) });
  }
  const written = await writeResult({ io, output, text, lang, ...(summary === undefined ? {} : { summary }) });
  if (written !== EXIT_OK) return written;
  return failsOn(result, failOn) ? EXIT_FINDINGS : EXIT_OK;
}
