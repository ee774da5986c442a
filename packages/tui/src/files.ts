import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, rmdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { writeFileAtomic } from "@onething/sdk/node";
import type { SaveOutcome } from "./components/app.js";

/** The folder, under the project root, that holds the recovery file. Loaders skip dot-folders. */
export const RECOVERY_FOLDER = ".onething-recovery";

const RECOVERY_FILE = "session.json";

/** Writes a file atomically: a temporary file beside it, then a rename over it (`writeFileAtomic` of `@onething/sdk/node`). */
export const writeAtomic: (path: string, text: string) => Promise<void> = writeFileAtomic;

/**
 * The SHA-256 of a text, hex.
 *
 * @example
 * const base = hashText(await readFile("checklists/national/2024-1.yaml", "utf8"));
 */
export function hashText(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Options of {@link saveFiles}. */
export interface SaveFilesOptions {
  /** The project root the paths are relative to. */
  root: string;
  /** The files: path, new text, and the text they had on disk when opened (or last saved). */
  files: { path: string; text: string; original: string }[];
  /** Overwrite even when a file changed on disk. Default false. */
  force?: boolean;
}

/**
 * Saves files atomically. Unless `force`, refuses (writing nothing) when any file on disk no longer
 * holds the text it had when it was opened.
 *
 * @example
 * const outcome = await saveFiles({ root, files: [{ path: "checklists/national/2024-1.yaml", text, original }] });
 * if (outcome.status === "conflict") console.log(outcome.files); // changed on disk meanwhile
 */
export async function saveFiles(options: SaveFilesOptions): Promise<SaveOutcome> {
  const conflicts: string[] = [];
  if (options.force !== true) {
    for (const file of options.files) {
      const disk = await readFile(resolve(options.root, file.path), "utf8").catch(() => undefined);
      if (disk === undefined || hashText(disk) !== hashText(file.original)) conflicts.push(file.path);
    }
  }
  if (conflicts.length > 0) return { status: "conflict", files: conflicts };
  try {
    for (const file of options.files) await writeFileAtomic(resolve(options.root, file.path), file.text);
    return { status: "saved" };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { status: "failed", message: { zh: `保存失败：${detail}`, en: `Saving failed: ${detail}` } };
  }
}

/** One file of the recovery file: the unsaved text and the hash of the disk text it was edited from. */
export interface RecoveryEntry {
  /** Project-relative path. */
  path: string;
  /** SHA-256 of the text on disk the edits started from. */
  base: string;
  /** The unsaved text. */
  text: string;
}

/**
 * Where the recovery file of a project lives.
 *
 * @example
 * recoveryPath("/srv/onething"); // "/srv/onething/.onething-recovery/session.json"
 */
export function recoveryPath(root: string): string {
  return join(resolve(root), RECOVERY_FOLDER, RECOVERY_FILE);
}

/**
 * Writes the recovery file synchronously and atomically (so that a crash right after a keystroke still
 * finds it complete); an empty list removes it.
 *
 * @example
 * writeRecovery("/srv/onething", [{ path: "checklists/national/2024-1.yaml", base: hashText(original), text }]);
 */
export function writeRecovery(root: string, entries: readonly RecoveryEntry[]): void {
  const path = recoveryPath(root);
  if (entries.length === 0) {
    rmSync(path, { force: true });
    try {
      rmdirSync(dirname(path));
    } catch {
      // The folder holds something else or is already gone; either way there is nothing to recover.
    }
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ version: 1, files: entries }, null, 2)}\n`, "utf8");
  renameSync(temporary, path);
}

/**
 * Reads the recovery file; entries that are malformed are dropped. Never throws.
 *
 * @example
 * for (const entry of readRecovery("/srv/onething")) console.log(entry.path, entry.text.length);
 */
export function readRecovery(root: string): RecoveryEntry[] {
  try {
    const data = JSON.parse(readFileSync(recoveryPath(root), "utf8")) as { files?: unknown };
    if (!Array.isArray(data.files)) return [];
    return data.files.filter(
      (entry): entry is RecoveryEntry =>
        typeof entry === "object" && entry !== null && typeof entry.path === "string" && typeof entry.base === "string" && typeof entry.text === "string",
    );
  } catch {
    return [];
  }
}
