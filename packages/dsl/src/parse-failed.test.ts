import { describe, expect, it, vi } from "vitest";

vi.mock("yaml", async (importOriginal) => ({
  ...(await importOriginal<typeof import("yaml")>()),
  parseAllDocuments: () => {
    throw new RangeError("Maximum call stack size exceeded");
  },
}));

const { parseSource } = await import("./parse.js");

describe("an unexpected parser failure", () => {
  it("becomes a parse-failed diagnostic instead of a throw", () => {
    const result = parseSource({ path: "deep.yaml", text: "a: 1\n" });
    expect(result.document).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      code: "parse-failed",
      severity: "error",
      file: "deep.yaml",
      range: { start: { line: 1, column: 1, offset: 0 } },
    });
    expect(result.diagnostics[0]?.message.en).toContain("RangeError: Maximum call stack size exceeded");
    expect(result.diagnostics[0]?.message.zh).not.toMatch(/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/);
  });
});
