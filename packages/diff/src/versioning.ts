import type { LocalizedMessage, SourceDocument } from "@onething/schemas";
import type { DiffImpact, DiffResult, SemverImpact } from "./types.js";
import { isRecord } from "./values.js";

/** The package that publishes `checklists/` as versioned data; the default of `checkVersioning`'s `packageName`. */
export const CHECKLISTS_PACKAGE = "@onething/checklists";

/** A release type a changeset may declare for a package (`none` is allowed by changesets and bumps nothing). */
export type ChangesetBump = SemverImpact | "none";

/** What `parseChangeset` returns. */
export interface ParsedChangeset {
  /** The releases of the front matter: package name → bump. */
  releases: Record<string, ChangesetBump>;
  /** The text after the front matter, trimmed. */
  summary: string;
  /** What is wrong with the file, in Chinese and English; empty when it is well-formed. */
  problems: LocalizedMessage[];
}

const BUMPS: readonly string[] = ["major", "minor", "patch", "none"];

const RANK: Record<DiffImpact, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/**
 * Whether bump `a` is at least as large as bump `b` (none < patch < minor < major).
 *
 * @example
 * bumpAtLeast("major", "minor"); // true
 * bumpAtLeast("patch", "minor"); // false
 */
export function bumpAtLeast(a: DiffImpact, b: DiffImpact): boolean {
  return RANK[a] >= RANK[b];
}

/** The larger of two bumps. */
function maxBump(a: DiffImpact, b: DiffImpact): DiffImpact {
  return RANK[a] >= RANK[b] ? a : b;
}

function unquote(text: string): string | undefined {
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text.at(-1) === text[0]) return text.slice(1, -1);
  if (/^[^"'\s#][^\s#]*$/u.test(text)) return text;
  return undefined;
}

/**
 * Reads a changeset file (`.changeset/*.md`): a front matter between two `---` lines whose lines are
 * `"<package>": major|minor|patch|none` (quotes optional; blank and `#` comment lines allowed), then the
 * summary. A malformed file yields `problems`, never a throw.
 *
 * @example
 * parseChangeset('---\n"@onething/checklists": minor\n---\n\nNew matters.\n').releases; // { "@onething/checklists": "minor" }
 */
export function parseChangeset(text: string): ParsedChangeset {
  const lines = text.replace(/^\uFEFF/u, "").split(/\r?\n/u);
  const problems: LocalizedMessage[] = [];
  const releases: Record<string, ChangesetBump> = {};
  let start = 0;
  while (start < lines.length && (lines[start] ?? "").trim() === "") start += 1;
  if ((lines[start] ?? "").trim() !== "---") {
    return { releases, summary: text.trim(), problems: [{ zh: "文件不以 front matter 的“---”开头。", en: "The file does not start with a front matter “---” line." }] };
  }
  const end = lines.findIndex((line, index) => index > start && line.trim() === "---");
  if (end === -1) {
    return { releases, summary: "", problems: [{ zh: "front matter 没有结束的“---”行。", en: "The front matter has no closing “---” line." }] };
  }
  for (let index = start + 1; index < end; index += 1) {
    const line = (lines[index] ?? "").trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^("[^"]*"|'[^']*'|[^\s:"'#][^\s"'#]*)\s*:\s*(\S+?)\s*(?:#.*)?$/u.exec(line);
    const name = match === null ? undefined : unquote(match[1] as string);
    const bump = match === null ? undefined : unquote(match[2] as string);
    if (name === undefined || name === "" || bump === undefined || !BUMPS.includes(bump)) {
      problems.push({
        zh: `第 ${index + 1} 行不是“"包名": major|minor|patch|none”：${line}`,
        en: `Line ${index + 1} is not "\"package\": major|minor|patch|none": ${line}`,
      });
      continue;
    }
    if (name in releases) {
      problems.push({ zh: `第 ${index + 1} 行重复声明了 ${name}。`, en: `Line ${index + 1} declares ${name} a second time.` });
      continue;
    }
    releases[name] = bump as ChangesetBump;
  }
  return { releases, summary: lines.slice(end + 1).join("\n").trim(), problems };
}

/**
 * Writes a changeset file for one package: front matter with the bump, a blank line, the summary.
 *
 * @example
 * formatChangeset({ packageName: "@onething/checklists", bump: "minor", summary: "Add the 2025 batch 2 list" });
 * // '---\n"@onething/checklists": minor\n---\n\nAdd the 2025 batch 2 list\n'
 */
export function formatChangeset(options: { packageName: string; bump: SemverImpact; summary: string }): string {
  return `---\n${JSON.stringify(options.packageName)}: ${options.bump}\n---\n\n${options.summary.trim()}\n`;
}

interface Semver {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/u;

function parseSemver(text: unknown): Semver | undefined {
  if (typeof text !== "string") return undefined;
  const match = SEMVER.exec(text);
  if (match === null) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease: match[4] === undefined ? [] : match[4].split(".") };
}

function compareIdentifiers(a: string, b: string): number {
  const numeric = /^\d+$/u;
  if (numeric.test(a) && numeric.test(b)) return Math.sign(Number(a) - Number(b));
  if (numeric.test(a)) return -1;
  if (numeric.test(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Semver precedence of two parsed versions (build metadata ignored): negative, zero or positive. */
function compareSemver(a: Semver, b: Semver): number {
  for (const key of ["major", "minor", "patch"] as const) {
    if (a[key] !== b[key]) return Math.sign(a[key] - b[key]);
  }
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return Math.sign(b.prerelease.length - a.prerelease.length);
  for (let index = 0; index < Math.max(a.prerelease.length, b.prerelease.length); index += 1) {
    const x = a.prerelease[index];
    const y = b.prerelease[index];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const order = compareIdentifiers(x, y);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * How far `after` raises `before`: the highest of major, minor and patch that grew; `prerelease` when only
 * the pre-release part moved up (1.0.0-rc.1 → 1.0.0-rc.2 or → 1.0.0); `none` when `after` is not higher
 * (equal or lower); `undefined` when either is not a semantic version.
 *
 * @example
 * versionRaise("1.2.3", "1.3.0"); // "minor"
 */
export function versionRaise(before: unknown, after: unknown): SemverImpact | "prerelease" | "none" | undefined {
  const a = parseSemver(before);
  const b = parseSemver(after);
  if (a === undefined || b === undefined) return undefined;
  if (compareSemver(b, a) <= 0) return "none";
  if (b.major > a.major) return "major";
  if (b.minor > a.minor) return "minor";
  if (b.patch > a.patch) return "patch";
  return "prerelease";
}

/** A document present in both versions, with its `metadata.version` on each side. */
export interface DocumentVersion {
  /** `metadata.id`. */
  document: string;
  /** `metadata.version` of the older version (absent when it has none). */
  before?: string;
  /** `metadata.version` of the newer version (absent when it has none). */
  after?: string;
}

function metadataOf(document: SourceDocument): { id?: string; version?: string } {
  const metadata = isRecord(document.value) ? document.value["metadata"] : undefined;
  if (!isRecord(metadata)) return {};
  const id = metadata["id"];
  const version = metadata["version"];
  return { ...(typeof id === "string" ? { id } : {}), ...(typeof version === "string" ? { version } : {}) };
}

/**
 * The `metadata.version` on both sides of every document (by `metadata.id`) present in both versions, sorted by id.
 *
 * @example
 * documentVersions({ before, after }).filter((entry) => entry.before !== entry.after);
 * // [{ document: "cn.national.2024-1", before: "1.1.0", after: "1.2.0" }]
 */
export function documentVersions(options: { before: readonly SourceDocument[]; after: readonly SourceDocument[] }): DocumentVersion[] {
  const older = new Map<string, string | undefined>();
  for (const document of options.before) {
    const { id, version } = metadataOf(document);
    if (id !== undefined && !older.has(id)) older.set(id, version);
  }
  const versions = new Map<string, DocumentVersion>();
  for (const document of options.after) {
    const { id, version } = metadataOf(document);
    if (id === undefined || !older.has(id) || versions.has(id)) continue;
    const before = older.get(id);
    versions.set(id, { document: id, ...(before === undefined ? {} : { before }), ...(version === undefined ? {} : { after: version }) });
  }
  return [...versions.values()].sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0));
}

/** A changeset added since the base, as `checkVersioning` needs it. */
export interface ChangesetEntry {
  /** Its path, for messages (`.changeset/brave-lists-grow.md`). */
  file: string;
  /** Its releases: package name → bump (see `parseChangeset`). */
  releases: Record<string, ChangesetBump>;
  /** What is wrong with the file (from `parseChangeset`); each problem becomes a finding. Default: none. */
  problems?: readonly LocalizedMessage[];
}

/** The stable ids of `checkVersioning`'s findings. */
export type VersioningCode = "changeset-missing" | "changeset-too-small" | "changeset-malformed" | "version-not-raised" | "version-invalid";

/** One reason the data's versioning is incomplete. */
export interface VersioningFinding {
  /** A stable id. */
  code: VersioningCode;
  /** The document concerned (`version-*`). */
  document?: string;
  /** The changeset file concerned (`changeset-malformed`). */
  file?: string;
  /** The bump the changes call for. */
  required?: SemverImpact;
  /** What the user must fix, in Chinese and English. */
  message: LocalizedMessage;
}

/** Options of {@link checkVersioning}. */
export interface CheckVersioningOptions {
  /** The diff of the data between the base and now. */
  diff: DiffResult;
  /** The changesets added since the base. */
  changesets: readonly ChangesetEntry[];
  /** The versions of the documents present on both sides (see `documentVersions`). */
  versions: readonly DocumentVersion[];
  /** The package the changesets must name. Default: `@onething/checklists`. */
  packageName?: string;
}

/** What `checkVersioning` returns. */
export interface VersioningReport {
  /** True when nothing is missing. */
  ok: boolean;
  /** The bump the data changes call for. */
  impact: DiffImpact;
  /** The largest bump the added changesets declare for the package (`none` when none declares it). */
  declared: DiffImpact;
  /** What is missing, changesets first, then documents by id. */
  findings: VersioningFinding[];
  /** A one-line verdict in Chinese and English. */
  summary: LocalizedMessage;
}

const BUMP_NAMES: Record<DiffImpact | "prerelease", LocalizedMessage> = {
  major: { zh: "major（主版本号）", en: "major" },
  minor: { zh: "minor（次版本号）", en: "minor" },
  patch: { zh: "patch（修订号）", en: "patch" },
  prerelease: { zh: "仅预发布部分", en: "only its pre-release part" },
  none: { zh: "none（不升级）", en: "none" },
};

const DOCUMENT_BUMP: Record<SemverImpact, LocalizedMessage> = {
  major: { zh: "主版本号（如 1.4.2 → 2.0.0）", en: "its major version (1.4.2 → 2.0.0)" },
  minor: { zh: "至少次版本号（如 1.4.2 → 1.5.0）", en: "at least its minor version (1.4.2 → 1.5.0)" },
  patch: { zh: "至少修订号（如 1.4.2 → 1.4.3）", en: "at least its patch version (1.4.2 → 1.4.3)" },
};

/**
 * Checks that a change of the data is versioned: when the diff has changes, an added changeset must declare
 * the package with a bump at least the diff's impact, and every changed document present on both sides must
 * raise its `metadata.version` by at least the impact of its own changes (a major change needs a major raise,
 * a minor one at least a minor raise, a patch at least a patch). Pure; never throws.
 *
 * @example
 * const report = checkVersioning({ diff, changesets: [{ file, ...parseChangeset(text) }], versions: documentVersions({ before, after }) });
 * if (!report.ok) for (const finding of report.findings) console.log(finding.message.en);
 */
export function checkVersioning(options: CheckVersioningOptions): VersioningReport {
  const packageName = options.packageName ?? CHECKLISTS_PACKAGE;
  const { diff } = options;
  const findings: VersioningFinding[] = [];
  let declared: DiffImpact = "none";
  const declaring: string[] = [];
  for (const changeset of options.changesets) {
    for (const problem of changeset.problems ?? []) {
      findings.push({ code: "changeset-malformed", file: changeset.file, message: { zh: `${changeset.file}：${problem.zh}`, en: `${changeset.file}: ${problem.en}` } });
    }
    const bump = changeset.releases[packageName];
    if (bump === undefined) continue;
    declaring.push(`${changeset.file} (${bump})`);
    declared = maxBump(declared, bump);
  }
  const impact = diff.impact;
  if (impact !== "none") {
    if (declaring.length === 0) {
      findings.push({
        code: "changeset-missing",
        required: impact,
        message: {
          zh: `数据有变更，但自基准以来没有新增声明 ${packageName} 的变更集；请运行 onething changeset 生成一个（升级 ${BUMP_NAMES[impact].zh}）。`,
          en: `The data changed but no changeset added since the base declares ${packageName}; run onething changeset to write one (a ${impact} bump).`,
        },
      });
    } else if (!bumpAtLeast(declared, impact)) {
      findings.push({
        code: "changeset-too-small",
        required: impact,
        message: {
          zh: `变更集为 ${packageName} 声明的升级是 ${BUMP_NAMES[declared].zh}（${declaring.join("、")}），但这些变更需要 ${BUMP_NAMES[impact].zh}。`,
          en: `The changesets declare a ${declared} bump of ${packageName} (${declaring.join(", ")}) but the changes call for ${impact}.`,
        },
      });
    }
  }
  const documentImpact = new Map<string, SemverImpact>();
  for (const change of diff.changes) {
    const current = documentImpact.get(change.document) ?? "patch";
    documentImpact.set(change.document, bumpAtLeast(current, change.impact) ? current : change.impact);
  }
  for (const version of options.versions) {
    const required = documentImpact.get(version.document);
    if (required === undefined) continue;
    const raise = versionRaise(version.before, version.after);
    const shown = (value: string | undefined) => (value === undefined ? "—" : value);
    if (raise === undefined) {
      findings.push({
        code: "version-invalid",
        document: version.document,
        required,
        message: {
          zh: `${version.document} 有变更，但 metadata.version（${shown(version.before)} → ${shown(version.after)}）不是可比较的语义化版本号。`,
          en: `${version.document} changed but its metadata.version (${shown(version.before)} → ${shown(version.after)}) is not a comparable semantic version.`,
        },
      });
      continue;
    }
    if (raise !== "prerelease" && bumpAtLeast(raise, required)) continue;
    const how = raise === "none" ? { zh: "没有升高", en: "was not raised" } : { zh: `只升高了${BUMP_NAMES[raise].zh}`, en: `was raised by ${BUMP_NAMES[raise].en}` };
    findings.push({
      code: "version-not-raised",
      document: version.document,
      required,
      message: {
        zh: `${version.document} 有 ${BUMP_NAMES[required].zh} 级变更，metadata.version ${version.before as string} → ${version.after as string} ${how.zh}；应升高${DOCUMENT_BUMP[required].zh}。`,
        en: `${version.document} has ${required}-level changes but its metadata.version ${version.before as string} → ${version.after as string} ${how.en}; raise ${DOCUMENT_BUMP[required].en}.`,
      },
    });
  }
  const ok = findings.length === 0;
  const summary: LocalizedMessage = ok
    ? impact === "none"
      ? { zh: "数据没有语义变更，无需变更集。", en: "The data has no semantic changes; no changeset is needed." }
      : {
          zh: `数据变更（需 ${BUMP_NAMES[impact].zh}）已有变更集（${BUMP_NAMES[declared].zh}），变更文档的版本号均已升高。`,
          en: `The data changes (${impact}) have a changeset (${declared}) and every changed document raised its version.`,
        }
    : { zh: `数据变更的版本管理不完整：${findings.length} 个问题。`, en: `The data changes are not fully versioned: ${findings.length} ${findings.length === 1 ? "problem" : "problems"}.` };
  return { ok, impact, declared, findings, summary };
}
