import type { Diagnostic } from "@onething/schemas";
import { groupByFile } from "../diagnostics.js";
import { describeNoFile, hintLabel, localize, severityWord } from "../i18n.js";
import type { FormatOptions } from "./options.js";

/** Escapes a text for XML content and attribute values, dropping characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu, "\uFFFD")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join("");
}

/**
 * Renders diagnostics as JUnit XML for CI test reports: a `<testsuite>` per file and a `<testcase>` per
 * finding, with a `<failure>` for errors and warnings (info findings pass, their text in `<system-out>`).
 * Files listed in `files` (else in `sources`) without findings appear as one passing test case each.
 */
export function formatJunit(diagnostics: readonly Diagnostic[], options: Omit<FormatOptions, "format">): string {
  const { lang } = options;
  const groups = groupByFile(diagnostics);
  const cleanFiles = [...new Set(options.files ?? options.sources?.keys() ?? [])].filter((file) => !groups.has(file)).sort();
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, group] of groups) {
    const name = file ?? describeNoFile(lang);
    const cases = group.map((diagnostic) => {
      const place = diagnostic.range === undefined ? name : `${name}:${diagnostic.range.start.line}:${diagnostic.range.start.column}`;
      const message = localize(diagnostic.message, lang);
      const hint = diagnostic.hint === undefined ? "" : `\n${hintLabel(lang)}${localize(diagnostic.hint, lang)}`;
      const body = `${place} ${severityWord(diagnostic.severity, lang)} ${diagnostic.code}\n${message}${hint}`;
      const open = `    <testcase${attributes({ classname: name, name: `${diagnostic.code} ${place}` })}>`;
      if (diagnostic.severity === "info") return `${open}\n      <system-out>${escapeXml(body)}</system-out>\n    </testcase>`;
      return `${open}\n      <failure${attributes({ type: diagnostic.code, message })}>${escapeXml(body)}</failure>\n    </testcase>`;
    });
    const suiteFailures = group.filter((diagnostic) => diagnostic.severity !== "info").length;
    tests += group.length;
    failures += suiteFailures;
    suites.push(`  <testsuite${attributes({ name, tests: group.length, failures: suiteFailures, errors: 0 })}>\n${cases.join("\n")}\n  </testsuite>`);
  }
  for (const file of cleanFiles) {
    tests += 1;
    const label = lang === "zh" ? "校验通过" : "valid";
    suites.push(`  <testsuite${attributes({ name: file, tests: 1, failures: 0, errors: 0 })}>\n    <testcase${attributes({ classname: file, name: label })}/>\n  </testsuite>`);
  }
  const root = `<testsuites${attributes({ name: "onething validate", tests, failures, errors: 0 })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', root, ...suites, "</testsuites>", ""].join("\n");
}
