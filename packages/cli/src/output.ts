import { appendFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Lang } from "@onething/sdk";
import { writeFileAtomic } from "@onething/sdk/node";
import { EXIT_OK, EXIT_UNUSABLE, type CliIo } from "./io.js";
import { messages } from "./messages.js";

/** What went wrong with a file operation, for a message: the error code (`EACCES`), else its message. */
export function errorText(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
}

/** Options of {@link writeResult}. */
export interface WriteResultOptions {
  /** The command's streams, environment and working directory. */
  io: CliIo;
  /** The `--output` file, relative to the working directory; undefined writes to stdout. */
  output: string | undefined;
  /** The command's result. */
  text: string;
  /**
   * A markdown summary for GitHub Actions, appended to `$GITHUB_STEP_SUMMARY` when that is set and
   * writable, else printed to stdout after the result. Default: none.
   */
  summary?: string;
  /** The language of the messages. */
  lang: Lang;
}

/**
 * Writes a command's result: to `--output` atomically when given, else to stdout; then the GitHub step
 * summary, when there is one. Returns the exit code so far: 0, or 2 when the output file cannot be written
 * (the summary is then not written).
 */
export async function writeResult(options: WriteResultOptions): Promise<number> {
  const { io, output, text, summary, lang } = options;
  if (output === undefined) {
    io.stdout.write(text);
  } else {
    try {
      await writeFileAtomic(resolve(io.cwd, output), text);
    } catch (error) {
      io.stderr.write(`${messages(lang).outputFailed(output, errorText(error))}\n`);
      return EXIT_UNUSABLE;
    }
  }
  if (summary === undefined) return EXIT_OK;
  const target = io.env["GITHUB_STEP_SUMMARY"];
  if (target !== undefined && target !== "") {
    try {
      await appendFile(target, summary, "utf8");
      return EXIT_OK;
    } catch (error) {
      io.stderr.write(`${messages(lang).summaryFailed(errorText(error))}\n`);
    }
  }
  io.stdout.write(`${text === "" ? "" : "\n"}${summary}`);
  return EXIT_OK;
}
