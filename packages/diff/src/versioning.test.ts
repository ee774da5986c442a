import { describe, expect, test } from "vitest";
import { checklist, parseAll } from "../test/helpers.js";
import { diffDocuments } from "./diff.js";
import { bumpAtLeast, checkVersioning, documentVersions, formatChangeset, parseChangeset, versionRaise, type ChangesetEntry } from "./versioning.js";

describe("parseChangeset", () => {
  test.each([
    { name: "double-quoted name", text: '---\n"@onething/checklists": minor\n---\n\nNew matters.\n', releases: { "@onething/checklists": "minor" }, summary: "New matters.", problems: 0 },
    { name: "single-quoted name and bump, CRLF, BOM", text: "\uFEFF---\r\n'@onething/checklists': 'major'\r\n---\r\nGone.\r\n", releases: { "@onething/checklists": "major" }, summary: "Gone.", problems: 0 },
    { name: "bare name, comments, blank lines, two packages", text: "\n---\n# data\n\n@onething/checklists: patch # typo\n\"@onething/cli\": none\n---\n", releases: { "@onething/checklists": "patch", "@onething/cli": "none" }, summary: "", problems: 0 },
    { name: "empty front matter", text: "---\n---\n\nNothing to release.\n", releases: {}, summary: "Nothing to release.", problems: 0 },
    { name: "unknown bump", text: '---\n"@onething/checklists": huge\n---\n', releases: {}, summary: "", problems: 1 },
    { name: "a line that is not a release", text: '---\n"@onething/checklists" minor\n---\n', releases: {}, summary: "", problems: 1 },
    { name: "a package declared twice keeps the first", text: '---\n"@onething/checklists": minor\n"@onething/checklists": major\n---\n', releases: { "@onething/checklists": "minor" }, summary: "", problems: 1 },
    { name: "no front matter", text: "Just words.\n", releases: {}, summary: "Just words.", problems: 1 },
    { name: "unclosed front matter", text: '---\n"@onething/checklists": minor\n', releases: {}, summary: "", problems: 1 },
    { name: "a --- inside the summary is text", text: '---\n"@onething/checklists": minor\n---\n\nA\n\n---\n\nB\n', releases: { "@onething/checklists": "minor" }, summary: "A\n\n---\n\nB", problems: 0 },
  ])("$name", ({ text, releases, summary, problems }) => {
    const parsed = parseChangeset(text);
    expect(parsed.releases).toEqual(releases);
    expect(parsed.summary).toBe(summary);
    expect(parsed.problems).toHaveLength(problems);
  });

  test("reads back what formatChangeset writes", () => {
    const text = formatChangeset({ packageName: "@onething/checklists", bump: "major", summary: "\n**Suggested version bump: major**\n\n- 🔴 removed\n" });
    expect(text).toBe('---\n"@onething/checklists": major\n---\n\n**Suggested version bump: major**\n\n- 🔴 removed\n');
    expect(parseChangeset(text)).toEqual({ releases: { "@onething/checklists": "major" }, summary: "**Suggested version bump: major**\n\n- 🔴 removed", problems: [] });
  });

  test("problems name the line in both languages", () => {
    expect(parseChangeset('---\n"@onething/checklists": huge\n---\n').problems).toMatchInlineSnapshot(`
      [
        {
          "en": "Line 2 is not ""package": major|minor|patch|none": "@onething/checklists": huge",
          "zh": "第 2 行不是“"包名": major|minor|patch|none”："@onething/checklists": huge",
        },
      ]
    `);
  });
});

describe("versionRaise", () => {
  test.each([
    ["1.0.0", "2.0.0", "major"],
    ["1.4.2", "2.0.0", "major"],
    ["1.4.2", "1.5.0", "minor"],
    ["1.4.2", "1.4.3", "patch"],
    ["1.4.2", "1.4.2", "none"],
    ["1.4.2", "1.4.1", "none"],
    ["2.0.0", "1.9.9", "none"],
    ["1.0.0-rc.1", "1.0.0-rc.2", "prerelease"],
    ["1.0.0-rc.1", "1.0.0", "prerelease"],
    ["1.0.0-rc.10", "1.0.0-rc.9", "none"],
    ["1.0.0-alpha", "1.0.0-alpha.1", "prerelease"],
    ["1.0.0+build.1", "1.0.0+build.2", "none"],
    ["1.0", "1.1.0", undefined],
    ["1.0.0", undefined, undefined],
    ["01.0.0", "2.0.0", undefined],
  ])("%s → %s is %s", (before, after, raise) => {
    expect(versionRaise(before, after)).toBe(raise);
  });

  test("bumpAtLeast orders none < patch < minor < major", () => {
    expect(["none", "patch", "minor", "major"].map((a) => ["none", "patch", "minor", "major"].filter((b) => bumpAtLeast(a as "none", b as "none")).length)).toEqual([1, 2, 3, 4]);
  });
});

const MATTER = "    - { id: m, name: { zh: 新生儿出生, en: Newborn birth }, subject: individual, stage: birth, confidence: verified }\n";
const OTHER = "    - { id: n, name: { zh: 退休, en: Retirement }, subject: individual, stage: elderly, confidence: verified }\n";
/** MATTER with its English name corrected: a patch-level text change. */
const CORRECTED = "    - { id: m, name: { zh: 新生儿出生, en: Birth of a child }, subject: individual, stage: birth, confidence: verified }\n";

function list(matters: string, version: string, id = "cn.test.list"): string {
  return checklist(matters, { id }).replace("version: 1.0.0", `version: ${version}`);
}

function check(options: { before: Record<string, string>; after: Record<string, string>; changesets?: ChangesetEntry[] }) {
  const before = parseAll(options.before);
  const after = parseAll(options.after);
  return checkVersioning({ diff: diffDocuments({ before, after }), changesets: options.changesets ?? [], versions: documentVersions({ before, after }) });
}

const minorChangeset: ChangesetEntry = { file: ".changeset/a.md", releases: { "@onething/checklists": "minor" } };

interface Case {
  name: string;
  before: Record<string, string>;
  after: Record<string, string>;
  changesets: ChangesetEntry[];
  expected: string[];
  impact: string;
}

describe("checkVersioning", () => {
  test.each<Case>([
    { name: "no change needs nothing", before: { "a.yaml": list(MATTER, "1.0.0") }, after: { "a.yaml": list(MATTER, "1.0.0") }, changesets: [], expected: [], impact: "none" },
    { name: "a version raise alone is no change", before: { "a.yaml": list(MATTER, "1.0.0") }, after: { "a.yaml": list(MATTER, "1.0.1") }, changesets: [], expected: [], impact: "none" },
    {
      name: "a change without a changeset or a version raise",
      before: { "a.yaml": list(MATTER, "1.0.0") },
      after: { "a.yaml": list(MATTER + OTHER, "1.0.0") },
      changesets: [],
      expected: ["changeset-missing - minor", "version-not-raised cn.test.list minor"],
      impact: "minor",
    },
    {
      name: "a changeset naming another package does not count",
      before: { "a.yaml": list(MATTER, "1.0.0") },
      after: { "a.yaml": list(MATTER + OTHER, "1.1.0") },
      changesets: [{ file: ".changeset/cli.md", releases: { "@onething/cli": "major" } }],
      expected: ["changeset-missing - minor"],
      impact: "minor",
    },
    {
      name: "a changeset too small for a removal",
      before: { "a.yaml": list(MATTER + OTHER, "1.0.0") },
      after: { "a.yaml": list(MATTER, "2.0.0") },
      changesets: [minorChangeset],
      expected: ["changeset-too-small - major"],
      impact: "major",
    },
    {
      name: "several changesets: the largest bump counts",
      before: { "a.yaml": list(MATTER + OTHER, "1.0.0") },
      after: { "a.yaml": list(MATTER, "2.0.0") },
      changesets: [minorChangeset, { file: ".changeset/b.md", releases: { "@onething/checklists": "major" } }],
      expected: [],
      impact: "major",
    },
    {
      name: "a version raised too little",
      before: { "a.yaml": list(MATTER + OTHER, "1.0.0") },
      after: { "a.yaml": list(MATTER, "1.1.0") },
      changesets: [{ file: ".changeset/b.md", releases: { "@onething/checklists": "major" } }],
      expected: ["version-not-raised cn.test.list major"],
      impact: "major",
    },
    {
      name: "a version lowered",
      before: { "a.yaml": list(MATTER, "1.2.0") },
      after: { "a.yaml": list(CORRECTED, "1.1.9") },
      changesets: [minorChangeset],
      expected: ["version-not-raised cn.test.list patch"],
      impact: "patch",
    },
    {
      name: "only the changed document must raise its version; an added one need not",
      before: { "a.yaml": list(MATTER, "1.0.0"), "b.yaml": list(MATTER, "1.0.0", "cn.test.other") },
      after: { "a.yaml": list(CORRECTED, "1.0.1"), "b.yaml": list(MATTER, "1.0.0", "cn.test.other"), "c.yaml": list(MATTER, "0.1.0", "cn.test.new") },
      changesets: [minorChangeset],
      expected: [],
      impact: "minor",
    },
    {
      name: "each document is held to its own changes",
      before: { "a.yaml": list(MATTER, "1.0.0"), "b.yaml": list(MATTER, "1.0.0", "cn.test.other") },
      after: { "a.yaml": list(CORRECTED, "1.0.1"), "b.yaml": list(MATTER + OTHER, "1.0.1", "cn.test.other") },
      changesets: [minorChangeset],
      expected: ["version-not-raised cn.test.other minor"],
      impact: "minor",
    },
    {
      name: "a malformed changeset is reported even when it declares enough",
      before: { "a.yaml": list(MATTER, "1.0.0") },
      after: { "a.yaml": list(CORRECTED, "1.0.1") },
      changesets: [{ file: ".changeset/a.md", ...parseChangeset('---\n"@onething/checklists": patch\nstray line\n---\n') }],
      expected: ["changeset-malformed - -"],
      impact: "patch",
    },
    {
      name: "a pre-release-only raise is not enough",
      before: { "a.yaml": list(MATTER, "1.0.0-rc.1") },
      after: { "a.yaml": list(CORRECTED, "1.0.0-rc.2") },
      changesets: [minorChangeset],
      expected: ["version-not-raised cn.test.list patch"],
      impact: "patch",
    },
    { name: "all good", before: { "a.yaml": list(MATTER, "1.0.0") }, after: { "a.yaml": list(MATTER + OTHER, "1.1.0") }, changesets: [minorChangeset], expected: [], impact: "minor" },
  ])("$name", ({ before, after, changesets, expected, impact }) => {
    const report = check({ before, after, changesets });
    expect(report.findings.map((finding) => `${finding.code} ${finding.document ?? "-"} ${finding.required ?? "-"}`)).toEqual(expected);
    expect(report.ok).toBe(expected.length === 0);
    expect(report.impact).toBe(impact);
  });

  test("reports the declared bump and says what to do, in both languages", () => {
    const report = check({ before: { "a.yaml": list(MATTER + OTHER, "1.0.0") }, after: { "a.yaml": list(MATTER, "1.0.1") }, changesets: [minorChangeset] });
    expect(report.declared).toBe("minor");
    expect(report.findings.map((finding) => finding.message)).toMatchInlineSnapshot(`
      [
        {
          "en": "The changesets declare a minor bump of @onething/checklists (.changeset/a.md (minor)) but the changes call for major.",
          "zh": "变更集为 @onething/checklists 声明的升级是 minor（次版本号）（.changeset/a.md (minor)），但这些变更需要 major（主版本号）。",
        },
        {
          "en": "cn.test.list has major-level changes but its metadata.version 1.0.0 → 1.0.1 was raised by patch; raise its major version (1.4.2 → 2.0.0).",
          "zh": "cn.test.list 有 major（主版本号） 级变更，metadata.version 1.0.0 → 1.0.1 只升高了patch（修订号）；应升高主版本号（如 1.4.2 → 2.0.0）。",
        },
      ]
    `);
  });

  test("a changed document whose version is not a semantic version", () => {
    const before = parseAll({ "a.yaml": list(MATTER, "1.0.0") });
    const after = parseAll({ "a.yaml": list(CORRECTED, "v2") });
    const report = checkVersioning({ diff: diffDocuments({ before, after }), changesets: [minorChangeset], versions: documentVersions({ before, after }) });
    expect(report.findings.map((finding) => finding.code)).toEqual(["version-invalid"]);
  });
});

describe("documentVersions", () => {
  test("pairs documents present on both sides by id, sorted, whatever their paths", () => {
    const before = parseAll({ "x.yaml": list(MATTER, "1.0.0", "cn.b"), "y.yaml": list(MATTER, "1.2.0", "cn.a"), "z.yaml": list(MATTER, "3.0.0", "cn.gone") });
    const after = parseAll({ "moved.yaml": list(MATTER, "1.0.1", "cn.b"), "y.yaml": list(MATTER, "1.2.0", "cn.a"), "new.yaml": list(MATTER, "0.1.0", "cn.new") });
    expect(documentVersions({ before, after })).toEqual([
      { document: "cn.a", before: "1.2.0", after: "1.2.0" },
      { document: "cn.b", before: "1.0.0", after: "1.0.1" },
    ]);
  });
});
