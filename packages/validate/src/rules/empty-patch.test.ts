import { parseSource, resolveChecklist } from "@onething/dsl";
import { MERGED_MEMBERS } from "@onething/schemas";
import { describe, expect, test } from "vitest";
import { ANNUAL, BASE, checklist, document, matter } from "../../test/project.js";
import { parseFiles, testRule } from "../../test/rule-tester.js";
import { validateDocuments } from "../index.js";

/** A local list (id `cn.test` unless given) over the base lists, with the given spec lines and no matters of its own. */
const local = (spec: string, id?: string) =>
  checklist({ ...(id === undefined ? {} : { id }), spec: `  scope: local\n${spec}`, matters: "" }).replace("  matters:\n", "  matters: []\n");

/** `local` extending cn.national.2024-1 with the given patch lines (line 12 is the first). */
const patching = (...patches: string[]) => local(`  extends:\n    - { checklist: cn.national.2024-1 }\n  patches:\n${patches.map((line) => `    ${line}\n`).join("")}`);

/** The annual base list with extra lines on its `newborn-birth` matter. */
const annualWith = (...lines: string[]) => ANNUAL.replace("      confidence: unverified\n", `      confidence: unverified\n${lines.map((line) => `      ${line}\n`).join("")}`);

describe("empty-patch", () => {
  testRule("empty-patch", [
    {
      name: "valid: patches that set new values",
      files: {
        ...BASE,
        "t.yaml": patching("- { matter: newborn-birth, set: { status: landed } }", "- { matter: newborn-birth, set: { confidence: partial } }"),
      },
      expected: [],
    },
    {
      name: "an empty set, in flow and in block style",
      files: {
        ...BASE,
        "t.yaml": patching("- { matter: newborn-birth, set: {} }", "- matter: newborn-birth", "  set: {}"),
      },
      expected: ["t.yaml:12:32", "t.yaml:14:7"],
    },
    {
      name: "a set that only repeats the definition's values, objects in any key order",
      files: {
        ...BASE,
        "national/2024-1.yaml": annualWith("owners: { lead: dept.alpha, partners: [dept.beta] }", "channels: [window, mobile]"),
        "t.yaml": patching(
          "- matter: newborn-birth",
          "  set:",
          "    confidence: unverified",
          "    owners: { partners: [dept.beta], lead: dept.alpha }",
          "    channels: [window, mobile]",
        ),
      },
      expected: ["t.yaml:13:7"],
    },
    {
      name: "valid: a reordered list or one changed value is a change",
      files: {
        ...BASE,
        "national/2024-1.yaml": annualWith("channels: [window, mobile]"),
        "t.yaml": patching("- { matter: newborn-birth, set: { channels: [mobile, window] } }", "- { matter: newborn-birth, set: { confidence: unverified, status: landed } }"),
      },
      expected: [],
    },
    {
      name: "metrics, oneStop and smart compare only the members the patch sets",
      files: {
        ...BASE,
        "national/2024-1.yaml": annualWith("metrics: { trips: { before: 4, after: 1 }, steps: { before: 8, after: 2 } }", "oneStop: { notice: true }"),
        "t.yaml": patching(
          "- { matter: newborn-birth, set: { metrics: { trips: { before: 4, after: 1 } }, oneStop: { notice: true }, smart: {} } }",
          "- { matter: newborn-birth, set: { metrics: { trips: { before: 4, after: 0 } } } }",
        ),
      },
      expected: ["t.yaml:12:32"],
    },
    {
      name: "a patch of the list's own matter repeating its definition",
      files: {
        ...BASE,
        "t.yaml": checklist({ spec: "  scope: total\n  patches:\n    - { matter: a-matter, set: { subject: individual } }\n", matters: matter() }),
      },
      expected: ["t.yaml:10:27"],
    },
    {
      name: "valid: a city list setting back the value a province list patched is a change",
      files: {
        ...BASE,
        "p.yaml": local("  extends:\n    - { checklist: cn.national.2024-1 }\n  patches:\n    - { matter: newborn-birth, set: { confidence: partial } }\n", "cn.province"),
        "t.yaml": local("  extends:\n    - { checklist: cn.province }\n  patches:\n    - { matter: newborn-birth, set: { confidence: unverified } }\n"),
      },
      expected: [],
    },
    {
      name: "valid: a later patch setting back what an earlier patch of the same list changed",
      files: {
        ...BASE,
        "t.yaml": patching("- { matter: newborn-birth, set: { confidence: partial } }", "- { matter: newborn-birth, set: { confidence: unverified } }"),
      },
      expected: [],
    },
    {
      name: "an earlier patch of other fields leaves the repeated field certain",
      files: {
        ...BASE,
        "p.yaml": local("  extends:\n    - { checklist: cn.national.2024-1 }\n  patches:\n    - { matter: newborn-birth, set: { status: landed } }\n", "cn.province"),
        "t.yaml": local("  extends:\n    - { checklist: cn.province }\n  patches:\n    - { matter: newborn-birth, set: { dueDate: 2025-09-30 } }\n    - { matter: newborn-birth, set: { confidence: unverified } }\n"),
      },
      expected: ["t.yaml:13:32"],
    },
    {
      name: "a repeat through a province list that does not patch the matter",
      files: {
        ...BASE,
        "p.yaml": local("  extends:\n    - { checklist: cn.national.2024-1 }\n", "cn.province"),
        "t.yaml": local("  extends:\n    - { checklist: cn.province }\n  patches:\n    - { matter: newborn-birth, set: { confidence: unverified } }\n"),
      },
      expected: ["t.yaml:12:32"],
    },
    {
      name: "valid when the value before the patch is not certain: a select dropping the matter, an extends cycle",
      files: {
        ...BASE,
        "t.yaml": local("  extends:\n    - { checklist: cn.national.2024-1, select: [] }\n  patches:\n    - { matter: newborn-birth, set: { confidence: unverified } }\n"),
        "a.yaml": local("  extends:\n    - { checklist: cn.national.2024-1 }\n    - { checklist: cn.b }\n  patches:\n    - { matter: newborn-birth, set: { confidence: unverified } }\n", "cn.a"),
        "b.yaml": local("  extends:\n    - { checklist: cn.a }\n", "cn.b"),
      },
      expected: [],
    },
  ]);

  test("says in Chinese and English what the patch repeats, with a hint and the definition", () => {
    const files = {
      ...BASE,
      "t.yaml": patching("- { matter: newborn-birth, set: {} }", "- { matter: newborn-birth, set: { confidence: unverified } }"),
    };
    const findings = validateDocuments(parseFiles(files), { today: "2026-01-01" }).filter((finding) => finding.code === "empty-patch");
    expect(findings.map((finding) => [finding.severity, finding.message.zh, finding.message.en])).toEqual([
      ["warning", "对一件事 newborn-birth 的调整中 set 为空，这条调整不起作用", "The patch of the matter newborn-birth has an empty `set`: it changes nothing"],
      [
        "warning",
        "对一件事 newborn-birth 的调整所设的字段（confidence）与它在清单 cn.national.2024-1 中的定义完全相同，这条调整不起作用",
        "The patch of the matter newborn-birth sets confidence to the values its definition in the checklist cn.national.2024-1 already has: it changes nothing",
      ],
    ]);
    expect(findings[0]?.hint?.zh).toBe("删除这条调整，或在 set 中写明要改的字段和新值。");
    expect(findings[1]?.related?.map((related) => [related.file, related.range?.start.line, related.message.zh])).toEqual([
      ["national/2024-1.yaml", 11, "newborn-birth 在清单 cn.national.2024-1 中的定义"],
    ]);
  });

  test("agrees with resolution: a patch is reported exactly when resolving the list without it gives the same matter", () => {
    // Every member of every field a patch merges is defined, then patched once to the same value and once to another.
    const defined: Record<string, Record<string, unknown>> = {
      metrics: { steps: { before: 8, after: 2 }, days: { before: 20, after: 5 }, materials: { before: 10, after: 4 }, trips: { before: 4, after: 1 }, formFields: { before: 60, after: 30 } },
      oneStop: { notice: true, form: true, materials: true, window: true, online: true },
      smart: { prefillRate: 50, submissionFreeRate: 20, firstPassRateChange: 10, applicationMinutes: { before: 30, after: 15 } },
    };
    const other = (value: unknown): unknown => (typeof value === "boolean" ? !value : typeof value === "number" ? value + 1 : { ...(value as object), after: 0 });
    // JSON is YAML's flow style.
    const national = annualWith(...Object.entries(defined).map(([field, value]) => `${field}: ${JSON.stringify(value)}`));
    const run = (patch?: string) => {
      const files = { ...BASE, "national/2024-1.yaml": national, "t.yaml": patch === undefined ? local("  extends:\n    - { checklist: cn.national.2024-1 }\n") : patching(patch) };
      // Parsed here rather than by parseFiles: resolution takes dsl's parsed documents.
      const documents = Object.entries(files).map(([path, text]) => {
        const { document } = parseSource({ path, text });
        if (document === undefined) throw new Error(`${path} does not parse`);
        return document;
      });
      const matter = resolveChecklist({ documents, id: "cn.test" }).checklist?.matters.find((entry) => entry.id === "newborn-birth");
      return { value: JSON.stringify(matter?.value), codes: validateDocuments(documents, { today: "2026-01-01" }).map((finding) => finding.code) };
    };
    const unpatched = run();
    expect(unpatched.codes).toEqual([]);
    let cases = 0;
    for (const [field, members] of Object.entries(MERGED_MEMBERS)) {
      for (const member of members) {
        const value = defined[field]?.[member];
        expect(value, `${field}.${member} is defined`).toBeDefined();
        for (const next of [value, other(value)]) {
          const patch = `${field}.${member}: ${JSON.stringify(next)}`;
          const patched = run(`- { matter: newborn-birth, set: { ${field}: { ${member}: ${JSON.stringify(next)} } } }`);
          expect({ patch, reported: patched.codes.includes("empty-patch") }).toEqual({ patch, reported: patched.value === unpatched.value });
          cases += 1;
        }
      }
    }
    expect(cases).toBe(2 * Object.values(MERGED_MEMBERS).flat().length);
  });

  test("a patch of the same matter in an unrelated list does not make the value uncertain", () => {
    const files = {
      ...BASE,
      "other.yaml": document({
        kind: "Checklist",
        id: "cn.other",
        spec: ["scope: local", "extends:", "  - { checklist: cn.national.2024-1 }", "patches:", "  - { matter: newborn-birth, set: { confidence: partial } }", "matters: []"],
      }),
      "t.yaml": patching("- { matter: newborn-birth, set: { confidence: unverified } }"),
    };
    const findings = validateDocuments(parseFiles(files), { today: "2026-01-01" }).filter((finding) => finding.code === "empty-patch");
    expect(findings.map((finding) => `${finding.file}:${finding.range?.start.line}`)).toEqual(["t.yaml:12"]);
  });
});
