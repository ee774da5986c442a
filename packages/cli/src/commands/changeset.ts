import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { CHECKLISTS_PACKAGE, formatChangeset, renderMarkdown, type DiffResult, type Lang } from "@onething/sdk";
import { writeNewFileAtomic } from "@onething/sdk/node";
import { EXIT_OK, EXIT_UNUSABLE, type CliIo } from "../io.js";
import { parseCommandArguments, readLangOption, UsageError } from "../options.js";
import { CHANGESET_DIR, defaultBase, diffChecklists } from "./changeset-data.js";
import { changesetMessages } from "./changeset-messages.js";
import { projectPath, verifyRef } from "./diff-sources.js";

/** The options `onething changeset` accepts. */
const CHANGESET_OPTIONS: Parameters<typeof parseCommandArguments>[0]["spec"] = {
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
  base: { type: "string" },
  "output-dir": { type: "string" },
  name: { type: "string" },
};

const NAME = /^[a-z0-9][a-z0-9-]*$/u;

/** The default file name of a changeset: `checklists-<bump>-<8 hex digits of the changes' fingerprints>`. */
export function changesetName(result: DiffResult): string {
  const hash = createHash("sha256");
  for (const change of result.changes) hash.update(`${change.fingerprint}\n`);
  return `checklists-${result.impact}-${hash.digest("hex").slice(0, 8)}`;
}

/** The changeset for a diff: front matter declaring `@onething/checklists` with the diff's bump, the markdown summary as body. */
export function changesetText(result: DiffResult, lang: Lang): string | undefined {
  if (result.impact === "none") return undefined;
  return formatChangeset({ packageName: CHECKLISTS_PACKAGE, bump: result.impact, summary: renderMarkdown(result, { lang, heading: false }) });
}

/** Runs `onething changeset` and returns the exit code. */
export async function runChangeset(options: { argv: string[]; io: CliIo; lang: Lang }): Promise<number> {
  const { io } = options;
  const args = parseCommandArguments({ argv: options.argv, spec: CHANGESET_OPTIONS, command: "changeset", lang: options.lang });
  const lang = readLangOption({ value: args.values["lang"], fallback: options.lang });
  const m = changesetMessages(lang);
  if (args.values["help"] === true) {
    io.stdout.write(m.help);
    return EXIT_OK;
  }
  const [extra] = args.positionals;
  if (extra !== undefined) throw new UsageError(m.noPositionals(extra));
  const name = typeof args.values["name"] === "string" ? args.values["name"] : undefined;
  if (name !== undefined && !NAME.test(name)) throw new UsageError(m.badName(name));
  const outputDir = projectPath({ cwd: io.cwd, path: typeof args.values["output-dir"] === "string" ? args.values["output-dir"] : CHANGESET_DIR, lang });
  const base = typeof args.values["base"] === "string" ? args.values["base"] : await defaultBase({ cwd: io.cwd, lang });
  await verifyRef({ cwd: io.cwd, ref: base, lang });

  const { result } = await diffChecklists({ cwd: io.cwd, ref: base, lang });
  const text = changesetText(result, lang);
  if (text === undefined) {
    io.stdout.write(`${m.nothingChanged(base)}\n`);
    return EXIT_OK;
  }
  const file = `${outputDir === "" ? "" : `${outputDir}/`}${name ?? changesetName(result)}.md`;
  const path = resolve(io.cwd, file);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeNewFileAtomic(path, text);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    io.stderr.write(`${code === "EEXIST" ? m.exists(file) : m.writeFailed(file, typeof code === "string" ? code : String(error))}\n`);
    return EXIT_UNUSABLE;
  }
  io.stdout.write(`${m.written(file, result.impact)}\n`);
  return EXIT_OK;
}
