import { describe, expect, test } from "vitest";
import { checkCreditCode, creditCodeCheckCharacter } from "./codes.js";

// Constructed bodies (not real organisations); check characters computed by hand with the GB 32100 weights.
describe("creditCodeCheckCharacter", () => {
  test.each([
    ["12345678901234567", "8"],
    ["00000000000000000", "0"],
    ["ABCDEFGHJKLMNPQRT", "T"],
  ])("%s → %s", (body, expected) => {
    expect(creditCodeCheckCharacter(body)).toBe(expected);
  });

  test("undefined for a body of the wrong length or charset", () => {
    expect(creditCodeCheckCharacter("1234")).toBeUndefined();
    expect(creditCodeCheckCharacter("1234567890123456I")).toBeUndefined();
  });
});

describe("checkCreditCode", () => {
  test.each([
    ["123456789012345678", undefined],
    ["123456789012345670", { problem: "check", expected: "8", found: "0" }],
    ["12345678901234567", { problem: "length", length: 17 }],
    ["12345678901234567S", { problem: "character", position: 18, character: "S" }],
    ["1234567890abcdefgh", { problem: "character", position: 11, character: "a" }],
  ])("%s", (code, expected) => {
    expect(checkCreditCode(code)).toEqual(expected);
  });
});
