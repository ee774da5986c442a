import type { CliIo } from "../src/index.js";

/** What a `main` run printed and returned (tests only). */
export interface RunResult {
  /** The exit code. */
  code: number;
  /** Everything written to stdout. */
  stdout: string;
  /** Everything written to stderr. */
  stderr: string;
}

/** An in-memory `CliIo` that records stdout and stderr (tests only). */
export function createIo(options: { cwd: string; env?: Record<string, string>; isTTY?: boolean }): CliIo & { out: () => string; err: () => string } {
  let stdout = "";
  let stderr = "";
  return {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: options.env ?? {},
    cwd: options.cwd,
    isTTY: options.isTTY ?? false,
    out: () => stdout,
    err: () => stderr,
  };
}

/**
 * A local checklist of one matter bundling a single item (a bundle-too-small warning) whose lead
 * department is `lead`: "dept.nhc" is known to the fixtures' registry, any other id is an error (tests only).
 */
export function singleItemChecklist(lead: string): string {
  return [
    "apiVersion: onething/v1",
    "kind: Checklist",
    "metadata: { id: fixture.list, title: { zh: 测试清单, en: Test }, version: 1.0.0 }",
    "spec:",
    "  scope: local",
    "  matters:",
    "    - id: newborn-birth",
    "      name: { zh: 新生儿出生一件事, en: Newborn birth }",
    "      subject: individual",
    "      stage: birth",
    `      owners: { lead: ${lead} }`,
    "      items: [{ ref: item.birth-medical-certificate }]",
    "      confidence: illustrative",
    "",
  ].join("\n");
}
