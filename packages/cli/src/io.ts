/** Something text can be written to, such as `process.stdout`. */
export interface Writable {
  /** Writes a chunk of text. */
  write(chunk: string): unknown;
}

/** Everything the CLI reads from or writes to its environment, so `main` can be tested without spawning. */
export interface CliIo {
  /** Where results go. */
  stdout: Writable;
  /** Where errors and notes go. */
  stderr: Writable;
  /** The environment variables. */
  env: Readonly<Record<string, string | undefined>>;
  /** The working directory, which is also the project root. */
  cwd: string;
  /** Whether stdout is a terminal (colour is used only then, unless FORCE_COLOR is set). */
  isTTY: boolean;
}

/** Exit code: the run found nothing at or above the fail severity. */
export const EXIT_OK = 0;
/** Exit code: the run found problems at or above the fail severity. */
export const EXIT_FINDINGS = 1;
/** Exit code: the tool could not run (bad arguments, unreadable path, nothing to validate, internal error). */
export const EXIT_UNUSABLE = 2;
