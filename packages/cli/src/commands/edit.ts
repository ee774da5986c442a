import { stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Lang } from "@onething/sdk";
import { EXIT_OK, EXIT_UNUSABLE, type CliIo } from "../io.js";
import { messages } from "../messages.js";
import { OVERVIEW_OPTIONS, parseCommandArguments, readLangOption, readToday } from "../options.js";
import { defaultPaths } from "../project.js";
import { editMessages } from "./edit-messages.js";

/** The terminal streams `onething edit` talks to; default the process's own. */
export interface EditTerminal {
  /** The terminal's input. */
  stdin: NodeJS.ReadStream;
  /** The terminal's output. */
  stdout: NodeJS.WriteStream;
}

function projectRelative(cwd: string, path: string): string {
  return relative(cwd, resolve(cwd, path)).split(sep).join("/");
}

/** Runs `onething edit [path]`: opens the terminal editor (loaded only now, so other commands never load Ink). */
export async function runEdit(options: { argv: string[]; io: CliIo; lang: Lang; terminal?: EditTerminal }): Promise<number> {
  const { io } = options;
  const args = parseCommandArguments({ argv: options.argv, spec: OVERVIEW_OPTIONS, command: "edit", lang: options.lang });
  const lang = readLangOption({ value: args.values["lang"], fallback: options.lang });
  if (args.values["help"] === true) {
    io.stdout.write(editMessages(lang).help);
    return EXIT_OK;
  }
  const today = readToday(args.values["today"], lang);
  if (args.positionals.length > 1) {
    io.stderr.write(`${editMessages(lang).tooManyPaths}\n`);
    return EXIT_UNUSABLE;
  }
  const [defaultPath = "."] = await defaultPaths(io.cwd);
  const requested = args.positionals[0] ?? defaultPath;
  const relation = relative(io.cwd, resolve(io.cwd, requested));
  if (relation.startsWith("..") || isAbsolute(relation)) {
    io.stderr.write(`${messages(lang).pathOutsideRoot(requested)}\n`);
    return EXIT_UNUSABLE;
  }
  if ((await stat(resolve(io.cwd, requested)).catch(() => undefined)) === undefined) {
    io.stderr.write(`${messages(lang).pathMissing(requested)}\n`);
    return EXIT_UNUSABLE;
  }
  // A list inside checklists/ refers to the taxonomy, registries and catalogues beside it: load them all.
  const folder = projectRelative(io.cwd, defaultPath);
  const target = projectRelative(io.cwd, requested);
  const inside = folder === "" || target === folder || target.startsWith(`${folder}/`);
  // React (under Ink) picks its build when first imported: the development build's checks cost every frame.
  // Set before the editor is imported (it is loaded only here); a NODE_ENV already set is left alone.
  process.env["NODE_ENV"] ??= "production";
  const { runEditor } = await import("@onething/tui");
  const terminal = options.terminal ?? { stdin: process.stdin, stdout: process.stdout };
  return runEditor({
    root: io.cwd,
    paths: inside ? [defaultPath] : [requested],
    editable: [target],
    lang,
    stdin: terminal.stdin,
    stdout: terminal.stdout,
    stderr: io.stderr,
    ...(today === undefined ? {} : { today }),
  });
}

/**
 * Runs `onething start` (what `npm start` runs): the editor on checklists/ when standard input and
 * output are terminals, otherwise the non-interactive overview.
 */
export async function runStart(options: { argv: string[]; io: CliIo; lang: Lang; terminal?: EditTerminal }): Promise<number> {
  const terminal = options.terminal ?? { stdin: process.stdin, stdout: process.stdout };
  if (options.argv.includes("--help") || options.argv.includes("-h")) {
    options.io.stdout.write(messages(options.lang).startHelp);
    return EXIT_OK;
  }
  const interactive = terminal.stdin.isTTY === true && terminal.stdout.isTTY === true && options.io.env["CI"] !== "true";
  if (interactive) return runEdit({ ...options, terminal });
  const { runOverview } = await import("./overview.js");
  return runOverview(options);
}
