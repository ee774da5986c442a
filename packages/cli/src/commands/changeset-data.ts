import { readFile, readdir } from "node:fs/promises";
import { resolve } from "node:path";
import { diffDocuments, parseChangeset, type ChangesetEntry, type DiffResult, type Lang, type SourceDocument } from "@onething/sdk";
import { parseVersion } from "./diff.js";
import { git, pathExists, projectPath, readGitVersion, readWorkingTree } from "./diff-sources.js";

/** The folder `@onething/checklists` publishes, relative to the project root. */
export const CHECKLISTS_DIR = "checklists";

/** The changesets folder, relative to the project root. */
export const CHANGESET_DIR = ".changeset";

/** The published data at a git ref and in the working tree, and their semantic diff. */
export interface ChecklistsDiff {
  /** The documents of `checklists/` at the ref. */
  before: SourceDocument[];
  /** The documents of `checklists/` in the working tree. */
  after: SourceDocument[];
  /** Their diff. */
  result: DiffResult;
}

/**
 * Diffs `checklists/` at `ref` with the working tree, reading the old version from git. A missing folder on
 * either side counts as empty; a file that does not parse is a usage error.
 */
export async function diffChecklists(options: { cwd: string; ref: string; lang: Lang }): Promise<ChecklistsDiff> {
  const { cwd, ref, lang } = options;
  const beforeFiles = await readGitVersion({ cwd, ref, paths: [CHECKLISTS_DIR], lang });
  const afterFiles = (await pathExists(cwd, CHECKLISTS_DIR)) ? await readWorkingTree({ cwd, path: CHECKLISTS_DIR, lang }) : [];
  const before = parseVersion(beforeFiles, lang);
  const after = parseVersion(afterFiles, lang);
  return { before, after, result: diffDocuments({ before, after }) };
}

/** The default base of `onething changeset`: the merge base of HEAD with `main` when there is one, else HEAD. */
export async function defaultBase(options: { cwd: string; lang: Lang }): Promise<string> {
  try {
    const base = (await git({ cwd: options.cwd, args: ["merge-base", "HEAD", "main"], lang: options.lang })).toString("utf8").trim();
    return base === "" ? "HEAD" : base;
  } catch {
    return "HEAD";
  }
}

function isChangesetFile(name: string): boolean {
  return name.endsWith(".md") && name.toLowerCase() !== "readme.md";
}

/**
 * The changesets added since `ref`: the `.changeset/*.md` files (README.md aside) of the working tree that
 * are not in the commit `ref`, each parsed, sorted by path.
 */
export async function addedChangesets(options: { cwd: string; ref: string; lang: Lang; dir?: string }): Promise<ChangesetEntry[]> {
  const { cwd, ref, lang } = options;
  const dir = projectPath({ cwd, path: options.dir ?? CHANGESET_DIR, lang });
  const listing = await git({ cwd, args: ["ls-tree", "-z", "--name-only", ref, "--", `${dir}/`], lang });
  const atBase = new Set(
    listing
      .toString("utf8")
      .split("\0")
      .filter((name) => name !== ""),
  );
  const names = await readdir(resolve(cwd, dir), { withFileTypes: true }).catch(() => []);
  const added = names
    .filter((entry) => entry.isFile() && isChangesetFile(entry.name))
    .map((entry) => `${dir}/${entry.name}`)
    .filter((path) => !atBase.has(path))
    .sort();
  return Promise.all(
    added.map(async (file) => {
      const { releases, problems } = parseChangeset(await readFile(resolve(cwd, file), "utf8"));
      return { file, releases, problems };
    }),
  );
}
