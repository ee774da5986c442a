import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The built CLI the end-to-end tests run (`npm test` builds it first). */
export const CLI = fileURLToPath(new URL("../../cli/dist/bin.js", import.meta.url));

/** Whether tmux is installed (.ci/run installs it; without it the end-to-end tests are skipped). */
export const HAS_TMUX = spawnSync("sh", ["-c", "command -v tmux"]).status === 0;
if (!HAS_TMUX) console.warn("e2e: tmux is not on PATH, so the end-to-end tests in a real terminal are skipped (.ci/run installs it).");

/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs git in a folder. */
export const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" });

/** A tmux server on a private socket with one session, `edit`, driven as a user would drive a terminal. */
export interface Terminal {
  /** Runs a tmux command on this server. */
  tmux(...args: string[]): string;
  /** The visible screen. */
  screen(): string;
  /** Polls the screen until `test` passes; throws with the screen after `timeout` ms. */
  waitFor(test: (text: string) => boolean, what: string, options?: { timeout?: number; poll?: number }): Promise<string>;
  /** Presses named keys (`Down`, `Enter`, `C-s`) one by one, pausing `pause` ms after each. */
  keys(names: string[], pause?: number): Promise<void>;
  /** Types text literally in one write, as a fast typist or an input method does. */
  write(text: string): void;
  /** Ends the server. */
  kill(): void;
}

/**
 * A private tmux server for one test file.
 *
 * @example
 * const terminal = openTerminal("onething-e2e");
 * terminal.tmux("new-session", "-d", "-s", "edit", "-x", "100", "-y", "30", "bash");
 */
export function openTerminal(name: string): Terminal {
  const socket = `${name}-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
  const screen = () => tmux("capture-pane", "-p", "-t", "edit");
  return {
    tmux,
    screen,
    async waitFor(test, what, options = {}) {
      const start = Date.now();
      for (;;) {
        const text = screen();
        if (test(text)) return text;
        if (Date.now() - start > (options.timeout ?? 15_000)) throw new Error(`timed out waiting for ${what}; the screen was:\n${text}`);
        await sleep(options.poll ?? 50);
      }
    },
    async keys(names, pause = 60) {
      for (const key of names) {
        tmux("send-keys", "-t", "edit", key);
        await sleep(pause);
      }
    },
    write(text) {
      tmux("send-keys", "-t", "edit", "-l", "--", text);
    },
    kill() {
      spawnSync("tmux", ["-L", socket, "kill-server"]);
    },
  };
}

/**
 * A temporary git repository holding `files`, committed once, for the editor to open; `remove` deletes it.
 *
 * @example
 * const project = committedProject("onething-e2e-", fixtureTexts());
 */
export function committedProject(prefix: string, files: Iterable<readonly [string, string]>): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  for (const [file, text] of files) {
    mkdirSync(join(path, dirname(file)), { recursive: true });
    writeFileSync(join(path, file), text);
  }
  git(path, "init", "-q");
  git(path, "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "add", ".");
  git(path, "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "commit", "-q", "-m", "fixture");
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Every file under a folder of the repository (`checklists`), as project-relative paths and texts.
 *
 * @example
 * committedProject("onething-e2e-view-", repositoryFiles("checklists"));
 */
export function repositoryFiles(folder: string): [string, string][] {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const walk = (path: string): string[] => (statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => walk(join(path, name))) : [path]);
  return walk(join(root, folder)).map((path) => [relative(root, path).split("\\").join("/"), readFileSync(path, "utf8")]);
}
