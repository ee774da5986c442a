import type { Lang } from "@onething/sdk";
import { EXIT_OK, EXIT_UNUSABLE, type CliIo } from "./io.js";
import { detectLang, scanLangArgument } from "./lang.js";
import { messages } from "./messages.js";
import { UsageError } from "./options.js";
import { VERSION } from "./version.js";

export { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, type CliIo, type Writable } from "./io.js";
export { detectLang } from "./lang.js";
export { VERSION } from "./version.js";

type Command = (options: { argv: string[]; io: CliIo; lang: Lang }) => Promise<number>;

// Each command's module is loaded when it runs, so that a run pays only for the command it asks for.
const COMMANDS: Record<string, Command> = {
  validate: async (options) => (await import("./commands/validate.js")).runValidate(options),
  overview: async (options) => (await import("./commands/overview.js")).runOverview(options),
  diff: async (options) => (await import("./commands/diff.js")).runDiff(options),
  changeset: async (options) => (await import("./commands/changeset.js")).runChangeset(options),
  reconcile: async (options) => (await import("./commands/reconcile.js")).runReconcile(options),
  resolve: async (options) => (await import("./commands/resolve.js")).runResolve(options),
  init: async (options) => (await import("./commands/init.js")).runInit(options),
  stats: async (options) => (await import("./commands/stats.js")).runStats(options),
  export: async (options) => (await import("./commands/export.js")).runExport(options),
  edit: async (options) => (await import("./commands/edit.js")).runEdit(options),
  start: async (options) => (await import("./commands/edit.js")).runStart(options),
};

/**
 * Runs the onething command line with `argv` (the arguments after the program name) and returns the exit
 * code: 0 clean, 1 findings at or above the fail severity, 2 could not run. Never throws; an unexpected
 * error is reported as an internal error with exit code 2.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), isTTY: process.stdout.isTTY === true });
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const lang = scanLangArgument(argv) ?? detectLang(io.env);
  const text = messages(lang);
  try {
    // A global `--lang` may precede the command: `onething --lang en validate`.
    let start = 0;
    while (argv[start] === "--lang" || argv[start]?.startsWith("--lang=")) {
      const value = argv[start] === "--lang" ? argv[start + 1] : argv[start]?.slice("--lang=".length);
      if (value !== "zh" && value !== "en") throw new UsageError(value === undefined ? text.missingValue("--lang") : text.badLang(value));
      start += argv[start] === "--lang" ? 2 : 1;
    }
    const [first, ...rest] = argv.slice(start);
    if (first === undefined) {
      io.stderr.write(`${text.missingCommand}\n\n${text.globalHelp(VERSION)}`);
      return EXIT_UNUSABLE;
    }
    if (first === "--version" || first === "-v") {
      io.stdout.write(`${VERSION}\n`);
      return EXIT_OK;
    }
    if (first === "--help" || first === "-h" || first === "help") {
      io.stdout.write(text.globalHelp(VERSION));
      return EXIT_OK;
    }
    if (first.startsWith("-")) throw new UsageError(text.unknownGlobalOption(first));
    const command = COMMANDS[first];
    if (command === undefined) {
      io.stderr.write(`${text.unknownCommand(first, Object.keys(COMMANDS))}\n`);
      return EXIT_UNUSABLE;
    }
    return await command({ argv: rest, io, lang });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT_UNUSABLE;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`${text.internalError(detail.split("\n")[0] ?? detail)}\n`);
    return EXIT_UNUSABLE;
  }
}
