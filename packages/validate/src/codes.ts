/** The 31 characters a unified social credit code (GB 32100) may use: digits and capitals without I, O, S, V, Z. */
export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** The GB 32100 weights of the first 17 characters. */
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * The check character GB 32100 assigns to the first 17 characters of a credit code; undefined if one is outside the charset.
 *
 * @example
 * creditCodeCheckCharacter("91350100M000100Y4"); // "3"
 */
export function creditCodeCheckCharacter(body: string): string | undefined {
  if (body.length !== 17) return undefined;
  let sum = 0;
  for (let position = 0; position < 17; position++) {
    const value = CREDIT_CODE_CHARSET.indexOf(body[position] ?? "");
    if (value < 0) return undefined;
    sum += value * (CREDIT_CODE_WEIGHTS[position] ?? 0);
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** Why a unified social credit code is malformed, or undefined when it is well formed. */
export type CreditCodeProblem =
  | { problem: "length"; length: number }
  | { problem: "character"; position: number; character: string }
  | { problem: "check"; expected: string; found: string };

/**
 * Checks a unified social credit code's length, characters and check character (GB 32100).
 *
 * @example
 * checkCreditCode("91350100M000100Y43"); // undefined: well formed
 * checkCreditCode("91350100M000100Y4X"); // { problem: "check", expected: "3", found: "X" }
 */
export function checkCreditCode(code: string): CreditCodeProblem | undefined {
  const characters = [...code];
  if (characters.length !== 18) return { problem: "length", length: characters.length };
  const bad = characters.findIndex((character) => !CREDIT_CODE_CHARSET.includes(character));
  if (bad >= 0) return { problem: "character", position: bad + 1, character: characters[bad] ?? "" };
  const expected = creditCodeCheckCharacter(code.slice(0, 17)) ?? "";
  const found = code.slice(17);
  return expected === found ? undefined : { problem: "check", expected, found };
}

/** The two-digit province prefixes of GB/T 2260 (including Taiwan 71, Hong Kong 81, Macao 82). */
export const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
  "71", "81", "82",
]);

/** The division code of the whole country. */
export const NATIONAL_DIVISION = "100000";
