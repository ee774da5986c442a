import type { Diagnostic } from "@onething/schemas";
import { describeDiagnosticCodes } from "../check.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import type { FormatOptions } from "./options.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";

/**
 * Renders diagnostics in one of the output formats (stylish, json, sarif, github, junit, markdown).
 *
 * @example
 * formatDiagnostics(project.diagnostics, { format: "stylish", lang: "zh", sources });
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  switch (options.format) {
    case "stylish":
      return formatStylish(diagnostics, options);
    case "json":
      return formatJson(diagnostics, options);
    case "sarif":
      return formatSarif(diagnostics, { ...options, ruleDescriptions: options.ruleDescriptions ?? describeDiagnosticCodes() });
    case "github":
      return formatGithub(diagnostics, options);
    case "junit":
      return formatJunit(diagnostics, options);
    case "markdown":
      return formatMarkdown(diagnostics, options);
  }
}
