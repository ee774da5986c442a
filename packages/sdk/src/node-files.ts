import { randomBytes } from "node:crypto";
import { link, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** A fresh name for a temporary file beside `path` (a dot-file, so loaders skip it). */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/**
 * Writes a file atomically: the text goes to a temporary file beside the target, which is then renamed
 * over it, so readers never see a half-written file. The temporary file is removed if anything fails.
 *
 * @example
 * await writeFileAtomic("report.md", text);
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = temporaryPath(path);
  try {
    await writeFile(temporary, text, { encoding: "utf8", flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes a new file atomically and never replaces one: the text goes to a temporary file beside the
 * target, which is then hard-linked under the target's name (failing with EEXIST when the name exists).
 *
 * @example
 * await writeNewFileAtomic("checklists/local/370200.yaml", text); // rejects with code EEXIST if it exists
 */
export async function writeNewFileAtomic(path: string, text: string): Promise<void> {
  const temporary = temporaryPath(path);
  await writeFile(temporary, text, { encoding: "utf8", flag: "wx" });
  try {
    // link() publishes the complete file under its name in one step and refuses an existing name.
    await link(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}
