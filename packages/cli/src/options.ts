import { parseArgs } from "node:util";
import type { Lang, OutputFormat, Severity } from "@onething/sdk";
import { OUTPUT_FORMATS } from "@onething/sdk";
import { messages } from "./messages.js";

/** A usage error: the message to print (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>["options"];

/** Options every command accepts. */
const COMMON: OptionSpec = {
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
  today: { type: "string" },
};

/** The options `onething validate` accepts. */
export const VALIDATE_OPTIONS: OptionSpec = {
  ...COMMON,
  format: { type: "string", short: "f" },
  "max-problems": { type: "string" },
  "fail-severity": { type: "string" },
  quiet: { type: "boolean", short: "q" },
  output: { type: "string", short: "o" },
  cache: { type: "boolean" },
  "cache-location": { type: "string" },
  "rules-doc-url": { type: "string" },
};

/** The options `onething overview` accepts. */
export const OVERVIEW_OPTIONS: OptionSpec = { ...COMMON };

/** Parsed arguments of a command: the positionals and the raw option values. */
export interface ParsedArguments {
  /** Positional arguments (paths). */
  positionals: string[];
  /** Option values by long name. */
  values: Record<string, string | boolean | undefined>;
  /** How many of `positionals` came before a `--` argument; undefined when there was none (everything after `--` is a positional). */
  beforeSeparator?: number;
}

/**
 * Joins a value that looks like a negative number to the string option before it (`--max-problems -1` →
 * `--max-problems=-1`), so the option's own check explains the value instead of parseArgs calling it
 * missing.
 */
function attachNegativeValues(argv: readonly string[], spec: OptionSpec): string[] {
  const takesValue = new Set<string>();
  for (const [name, option] of Object.entries(spec ?? {})) {
    if (option.type !== "string") continue;
    takesValue.add(`--${name}`);
    if (option.short !== undefined) takesValue.add(`-${option.short}`);
  }
  const out: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? "";
    const next = argv[index + 1];
    if (arg === "--") {
      out.push(...argv.slice(index));
      break;
    }
    if (takesValue.has(arg) && next !== undefined && /^-\d/u.test(next)) {
      out.push(arg.startsWith("--") ? `${arg}=${next}` : `${arg}${next}`);
      index += 1;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** The option a parseArgs error names, by its long name when it has one ("'-f, --format <value>'" → "--format"). */
function optionInError(detail: string): string {
  const quoted = /'(-[^']*)'/u.exec(detail)?.[1] ?? "";
  return /--[\w-]+/u.exec(quoted)?.[0] ?? quoted.split(/[\s,=]/u)[0] ?? quoted;
}

/**
 * Parses a command's arguments strictly with node:util `parseArgs`; unknown options and missing values
 * become a `UsageError` with a message in `lang`. A `--` ends the options (what follows is positional, even
 * when it starts with "-"), and `beforeSeparator` says how many positionals came before it.
 *
 * @example
 * parseCommandArguments({ argv: ["HEAD", "--", "checklists"], spec: { lang: { type: "string" } }, command: "diff", lang: "zh" });
 * // { positionals: ["HEAD", "checklists"], values: {}, beforeSeparator: 1 }
 */
export function parseCommandArguments(options: { argv: string[]; spec: OptionSpec; command: string; lang: Lang }): ParsedArguments {
  const text = messages(options.lang);
  try {
    const parsed = parseArgs({ args: attachNegativeValues(options.argv, options.spec), options: options.spec, strict: true, allowPositionals: true, tokens: true });
    const separator = parsed.tokens.findIndex((token) => token.kind === "option-terminator");
    const result: ParsedArguments = { positionals: parsed.positionals, values: parsed.values as ParsedArguments["values"] };
    if (separator >= 0) result.beforeSeparator = parsed.tokens.slice(0, separator).filter((token) => token.kind === "positional").length;
    return result;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const detail = error instanceof Error ? error.message : String(error);
    const option = optionInError(detail);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(text.unknownOption(option, options.command));
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw new UsageError(detail.includes("does not take an argument") ? text.unexpectedValue(option) : text.missingValue(option));
    }
    throw new UsageError(text.badArguments(detail.split("\n")[0] ?? detail, options.command));
  }
}

/** How to read `--lang`. */
export interface ReadLangOptions {
  /** The raw option value (undefined when the option was not given). */
  value: string | boolean | undefined;
  /** The language to use when the option was not given; also the language of the error message. */
  fallback: Lang;
}

/** Checks `--lang`: "zh" or "en", else the fallback when the option is absent; anything else is a `UsageError`. */
export function readLangOption(options: ReadLangOptions): Lang {
  const { value, fallback } = options;
  if (value === undefined || typeof value === "boolean") return fallback;
  if (value === "zh" || value === "en") return value;
  throw new UsageError(messages(fallback).badLang(value));
}

/** Checks `--today`: a real calendar date written as YYYY-MM-DD. */
export function readToday(value: string | boolean | undefined, lang: Lang): string | undefined {
  if (value === undefined || typeof value === "boolean") return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (match !== null) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return value;
  }
  throw new UsageError(messages(lang).badToday(value));
}

/** Checks `--format`. */
export function readFormat(value: string | boolean | undefined, lang: Lang): OutputFormat {
  if (value === undefined || typeof value === "boolean") return "stylish";
  const format = OUTPUT_FORMATS.find((candidate) => candidate === value);
  if (format === undefined) throw new UsageError(messages(lang).badFormat(value));
  return format;
}

/** Checks `--max-problems`: a non-negative integer. */
export function readMaxProblems(value: string | boolean | undefined, lang: Lang): number | undefined {
  if (value === undefined || typeof value === "boolean") return undefined;
  if (!/^\d{1,9}$/u.test(value)) throw new UsageError(messages(lang).badMaxProblems(value));
  return Number(value);
}

/**
 * Checks `--rules-doc-url`: where the rule reference lives, each rule linking to it followed by `#<code>`. A URL
 * (`https://…`) must parse; a relative path is kept as is. Empty text, whitespace, control characters and a `#`
 * of its own (the code is the fragment) are a `UsageError`.
 *
 * @example
 * readRulesDocUrl("https://github.com/org/repo/blob/main/docs/rules.md", "zh"); // the same text
 * readRulesDocUrl(undefined, "zh"); // undefined: the formatter's default, docs/rules.md
 */
export function readRulesDocUrl(value: string | boolean | undefined, lang: Lang): string | undefined {
  if (value === undefined || typeof value === "boolean") return undefined;
  const absolute = /^[a-z][a-z0-9+.-]*:/iu.test(value);
  const usable = value !== "" && !/[\s\u0000-\u001f\u007f#]/u.test(value) && (!absolute || URL.canParse(value));
  if (!usable) throw new UsageError(messages(lang).badRulesDocUrl(value));
  return value;
}

/** Checks `--fail-severity`. */
export function readFailSeverity(value: string | boolean | undefined, lang: Lang): Severity {
  if (value === undefined || typeof value === "boolean") return "error";
  if (value === "error" || value === "warning" || value === "info") return value;
  throw new UsageError(messages(lang).badFailSeverity(value));
}
