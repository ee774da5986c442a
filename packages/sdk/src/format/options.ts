import type { LocalizedMessage } from "@onething/schemas";
import type { Lang } from "../i18n.js";

/** The output formats `formatDiagnostics` can produce. */
export type OutputFormat = "stylish" | "json" | "sarif" | "github" | "junit" | "markdown";

/** Every output format, in the order help texts list them. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["stylish", "json", "sarif", "github", "junit", "markdown"];

/** How to render diagnostics. */
export interface FormatOptions {
  /** The output format. */
  format: OutputFormat;
  /** The language of messages and labels. */
  lang: Lang;
  /**
   * The checked files' texts by project-relative path: used for code frames (stylish) and to list the
   * clean files as passing test cases (junit). Default: no code frames, no clean files listed.
   */
  sources?: ReadonlyMap<string, string>;
  /**
   * Every checked file by project-relative path, for the reports that list clean files (junit), when `sources`
   * holds only the texts of the files with findings. Default: the paths of `sources`.
   */
  files?: readonly string[];
  /** Whether to use ANSI colours (stylish only). Default: false. */
  color?: boolean;
  /**
   * Shows at most this many problems, the most serious first, and says how many were left out. Applies to
   * the formats read by people (stylish, markdown, the github summary); json, sarif and junit always
   * carry every finding. Default: no limit.
   */
  maxProblems?: number;
  /** Absolute path of the project root, recorded as `%SRCROOT%` in sarif output. Default: not recorded. */
  cwd?: string;
  /** The version of the tool, recorded in sarif output. Default: not recorded. */
  toolVersion?: string;
  /**
   * Where rule documentation lives; each sarif rule links to this followed by `#<rule id>` (as `helpUri`
   * when absolute, else as help text, since SARIF requires an absolute `helpUri`). Default:
   * `"docs/rules.md"` (relative to the repository root).
   */
  rulesDocUrl?: string;
  /** One-sentence descriptions of the rules by id, for sarif `shortDescription`. Default: the rule id. */
  ruleDescriptions?: ReadonlyMap<string, LocalizedMessage>;
}
