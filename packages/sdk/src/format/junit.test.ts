import { describe, expect, test } from "vitest";
import { sortDiagnostics } from "../diagnostics.js";
import { makeDiagnostic, sampleProject } from "../test-helpers.js";
import { escapeXml, formatJunit } from "./junit.js";

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

describe("formatJunit", () => {
  const { sources, diagnostics } = sampleProject();

  test("writes a testsuite per file and a testcase per finding, failures for errors and warnings", () => {
    const out = formatJunit(sortDiagnostics(diagnostics), { lang: "en", sources });
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="onething validate" tests="6" failures="4" errors="0">')).toBe(true);
    expect(count(out, /<testsuite /gu)).toBe(3);
    expect(count(out, /<testcase /gu)).toBe(6);
    expect(count(out, /<failure /gu)).toBe(4);
    expect(out).toContain('<testsuite name="checklists/taxonomy.yaml" tests="1" failures="0" errors="0">');
    expect(out).toContain('<failure type="unknown-field" message="Unknown field colour">');
  });

  test("escapes XML special characters and drops characters XML cannot carry", () => {
    const evil = makeDiagnostic({ code: "x", severity: "error", zh: `<a href="x">&'\u0001`, en: "", file: "a&b.yaml" });
    const out = formatJunit([evil], { lang: "zh" });
    expect(out).toContain('message="&lt;a href=&quot;x&quot;&gt;&amp;&apos;"');
    expect(out).toContain('<testsuite name="a&amp;b.yaml"');
    expect(out).not.toContain("\u0001");
    expect(escapeXml("\uD800x")).toBe("\uFFFDx");
  });
});
