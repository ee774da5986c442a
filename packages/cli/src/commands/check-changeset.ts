import { checkVersioning, documentVersions, type Lang, type VersioningReport } from "@onething/sdk";
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from "../io.js";
import { changesetMessages } from "./changeset-messages.js";
import { addedChangesets, diffChecklists } from "./changeset-data.js";
import { verifyRef } from "./diff-sources.js";

/** Renders a versioning report: the verdict, then (when something is missing) one line per finding and a hint. */
export function renderVersioningReport(report: VersioningReport, lang: Lang): string {
  const m = changesetMessages(lang);
  if (report.ok) return `${m.checkPassed(report.summary[lang])}\n`;
  const lines = [m.checkFailed(report.summary[lang]), ...report.findings.map((finding) => `  - ${finding.message[lang]}`), m.checkHint];
  return `${lines.join("\n")}\n`;
}

/**
 * Runs `onething diff --check-changeset <ref>`: checks that the changes of `checklists/` since `ref` come with
 * an added changeset of a large enough bump and with raised document versions. Exit 0 when they do, 1 when not.
 */
export async function runCheckChangeset(options: { io: CliIo; ref: string; lang: Lang }): Promise<number> {
  const { io, ref, lang } = options;
  await verifyRef({ cwd: io.cwd, ref, lang });
  const { before, after, result } = await diffChecklists({ cwd: io.cwd, ref, lang });
  const changesets = await addedChangesets({ cwd: io.cwd, ref, lang });
  const report = checkVersioning({ diff: result, changesets, versions: documentVersions({ before, after }) });
  io.stdout.write(renderVersioningReport(report, lang));
  return report.ok ? EXIT_OK : EXIT_FINDINGS;
}
