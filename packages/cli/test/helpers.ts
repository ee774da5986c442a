import type { CliIo } from "../src/index.js";

/** What a `main` run printed and returned (tests only). */
export interface RunResult {
  /** The exit code. */
  code: number;
  /** Everything written to stdout. */
  stdout: string;
  /** Everything written to stderr. */
  stderr: string;
}

/** An in-memory `CliIo` that records stdout and stderr (tests only). */
export function createIo(options: { cwd: string; env?: Record<string, string>; isTTY?: boolean }): CliIo & { out: () => string; err: () => string } {
  let stdout = "";
  let stderr = "";
  return {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: options.env ?? {},
    cwd: options.cwd,
    isTTY: options.isTTY ?? false,
    out: () => stdout,
    err: () => stderr,
  };
}
