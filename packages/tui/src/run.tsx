import { execFile } from "node:child_process";
import { render } from "ink";
import type { Lang } from "@onething/sdk";
import { loadProject, readGitFiles } from "@onething/sdk/node";
import { App, type EditorHost } from "./components/app.js";
import { hashText, readRecovery, saveFiles, writeRecovery, type RecoveryEntry } from "./files.js";
import { createState, type RecoveryOffer } from "./state.js";

/** A stream the editor writes messages to. */
export interface MessageStream {
  /** Writes text. */
  write(chunk: string): unknown;
}

/** Options of {@link runEditor}. */
export interface RunEditorOptions {
  /** The project root: paths are relative to it, and the recovery file lives under it. */
  root: string;
  /** What to load, relative to `root` (the editable lists and the taxonomy, registries and catalogues they refer to). */
  paths: string[];
  /** Project-relative files or folders whose checklists may be edited; default: every loaded checklist. */
  editable?: string[];
  /** Language of the interface; default `"zh"`. */
  lang?: Lang;
  /** The terminal's input; default `process.stdin`. */
  stdin?: NodeJS.ReadStream;
  /** The terminal's output; default `process.stdout`. */
  stdout?: NodeJS.WriteStream;
  /** Where the no-terminal message goes; default `process.stderr`. */
  stderr?: MessageStream;
  /** The date overdue checks compare against; default today's UTC date. */
  today?: string;
}

/** Exit code: the editor ran and ended normally. */
export const EDITOR_EXIT_OK = 0;
/** Exit code: the editor could not run (no terminal, nothing to edit). */
export const EDITOR_EXIT_UNUSABLE = 2;

/** The message printed when standard input or output is not a terminal. */
export const NO_TTY_MESSAGE = {
  zh: "onething edit 是交互式编辑器，需要在终端中运行（标准输入和标准输出都必须是终端）。\n在脚本或 CI 中请使用 onething validate 或 onething overview。\n",
  en: "onething edit is an interactive editor and needs a terminal (standard input and output must both be terminals).\nIn scripts or CI, use onething validate or onething overview.\n",
};

function within(path: string, folder: string): boolean {
  const clean = folder.replace(/\/+$/, "");
  return clean === "" || clean === "." || path === clean || path.startsWith(`${clean}/`);
}

function gitHead(root: string): Promise<string | undefined> {
  return new Promise((resolvePromise) => {
    execFile("git", ["rev-parse", "--short", "HEAD"], { cwd: root, timeout: 2000 }, (error, stdout) => {
      resolvePromise(error === null ? stdout.trim() || undefined : undefined);
    });
  });
}

/** The editable files' texts at git HEAD, by path (none outside a repository; a file git does not track is missing). */
async function committedTexts(root: string, paths: string[]): Promise<Record<string, string>> {
  const read = await readGitFiles({ root, ref: "HEAD", paths });
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  return Object.fromEntries(read.files.map((file) => [file.path, decoder.decode(file.text)]));
}

/**
 * Opens the terminal editor on a project and resolves with the exit code when it closes. Without a
 * terminal on both standard input and output it explains and returns 2 instead of hanging.
 *
 * @example
 * process.exitCode = await runEditor({ root: process.cwd(), paths: ["checklists"], lang: "zh" });
 */
export async function runEditor(options: RunEditorOptions): Promise<number> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const lang = options.lang ?? "zh";
  if (stdin.isTTY !== true || stdout.isTTY !== true) {
    stderr.write(NO_TTY_MESSAGE[lang]);
    return EDITOR_EXIT_UNUSABLE;
  }
  // Raw mode before loading and the first frame: keys typed meanwhile are neither echoed nor held for a
  // line (nor eaten by the terminal's line editing); they wait in the terminal until the editor reads them.
  stdin.setRawMode(true);
  try {
    return await openEditor({ ...options, stdin, stdout, stderr, lang });
  } finally {
    stdin.setRawMode(false);
  }
}

async function openEditor(options: RunEditorOptions & { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; stderr: MessageStream; lang: Lang }): Promise<number> {
  const { stdin, stdout, stderr, lang } = options;
  const project = await loadProject({ root: options.root, paths: options.paths, ...(options.today === undefined ? {} : { today: options.today }) });
  const editable = project.documents
    .filter((document) => document.kind === "Checklist" && (options.editable ?? [""]).some((folder) => within(document.path, folder)))
    .map((document) => document.path);
  if (editable.length === 0) {
    stderr.write(lang === "zh" ? "没有可编辑的清单（Checklist）文件。\n" : "There is no checklist file to edit.\n");
    return EDITOR_EXIT_UNUSABLE;
  }
  const texts = new Map(project.documents.map((document) => [document.path, document.text]));
  const offered = readRecovery(options.root).filter((entry) => {
    const disk = texts.get(entry.path);
    return editable.includes(entry.path) && disk !== undefined && hashText(disk) === entry.base && disk !== entry.text;
  });
  const recovery: RecoveryOffer | undefined = offered.length === 0 ? undefined : { files: offered.map(({ path, text }) => ({ path, text })) };
  const [head, committed] = await Promise.all([gitHead(options.root), committedTexts(options.root, editable)]);
  const initial = createState({
    documents: project.documents,
    editable,
    problems: project.diagnostics,
    lang,
    size: { columns: stdout.columns ?? 80, rows: stdout.rows ?? 24 },
    ...(recovery === undefined ? {} : { recovery }),
    ...(head === undefined ? {} : { base: { ref: head, texts: committed } }),
  });
  // The base of each recovered text is the disk text it was edited from; it changes only on save or reload.
  const bases = new Map(editable.map((path) => [path, hashText(texts.get(path) ?? "")]));
  const host: EditorHost = {
    ...(head === undefined ? {} : { head }),
    ...(options.today === undefined ? {} : { today: options.today }),
    async save({ files, force }) {
      const outcome = await saveFiles({ root: options.root, files, force });
      if (outcome.status === "saved") for (const file of files) bases.set(file.path, hashText(file.text));
      return outcome;
    },
    async read(paths) {
      const project = await loadProject({ root: options.root, paths });
      for (const document of project.documents) bases.set(document.path, hashText(document.text));
      return project.documents.map((document) => ({ path: document.path, text: document.text }));
    },
    writeRecovery(files) {
      const entries: RecoveryEntry[] = files.map((file) => ({ path: file.path, base: bases.get(file.path) ?? "", text: file.text }));
      try {
        writeRecovery(options.root, entries);
      } catch {
        // A read-only project cannot hold a recovery file; editing still works.
      }
    },
    exit({ keepRecovery }) {
      if (!keepRecovery) writeRecovery(options.root, []);
    },
  };
  const instance = render(<App initial={initial} host={host} />, { stdin, stdout, exitOnCtrlC: false, patchConsole: false });
  await instance.waitUntilExit();
  return EDITOR_EXIT_OK;
}
