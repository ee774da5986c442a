import type { Lang } from "../labels.js";
import type { DiffResult } from "../types.js";
import { renderGithub } from "./github.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import { renderText } from "./text.js";

/** The output formats of a diff. */
export type DiffFormat = "text" | "markdown" | "json" | "github";

/** Every diff output format, in the order help texts list them. */
export const DIFF_FORMATS: readonly DiffFormat[] = ["text", "markdown", "json", "github"];

/** Options of {@link renderDiff}. */
export interface RenderDiffOptions {
  /** The output format. */
  format: DiffFormat;
  /** The language of messages and headings. */
  lang: Lang;
  /** Whether to use ANSI colours (text only). Default: false. */
  color?: boolean;
}

/**
 * Renders a diff in one format; `github` gives the annotations followed by the markdown summary.
 *
 * @example
 * process.stdout.write(renderDiff(diffDocuments({ before, after }), { format: "markdown", lang: "zh" }));
 */
export function renderDiff(result: DiffResult, options: RenderDiffOptions): string {
  switch (options.format) {
    case "text":
      return renderText(result, { lang: options.lang, color: options.color === true });
    case "markdown":
      return renderMarkdown(result, { lang: options.lang });
    case "json":
      return renderJson(result, { lang: options.lang });
    case "github": {
      const { annotations, summary } = renderGithub(result, { lang: options.lang });
      return annotations === "" ? summary : `${annotations}\n${summary}`;
    }
  }
}
