import { describe, expect, test } from "vitest";
import { detectLang, scanLangArgument } from "./lang.js";

describe("detectLang", () => {
  test.each([
    { env: {}, lang: "zh" },
    { env: { ONETHING_LANG: "en", LANG: "zh_CN.UTF-8" }, lang: "en" },
    { env: { ONETHING_LANG: "zh", LANG: "en_US.UTF-8" }, lang: "zh" },
    { env: { ONETHING_LANG: "fr", LANG: "zh_CN.UTF-8" }, lang: "zh" },
    { env: { LANG: "en_US.UTF-8" }, lang: "en" },
    { env: { LANG: "de_DE" }, lang: "en" },
    { env: { LANG: "zh_TW.UTF-8" }, lang: "zh" },
    { env: { LANG: "C" }, lang: "zh" },
    { env: { LANG: "C.UTF-8" }, lang: "zh" },
    { env: { LANG: "POSIX" }, lang: "zh" },
    { env: { LC_ALL: "en_GB.UTF-8", LANG: "zh_CN.UTF-8" }, lang: "en" },
    { env: { LC_ALL: "", LC_MESSAGES: "zh_CN.UTF-8", LANG: "en_US.UTF-8" }, lang: "zh" },
  ] as const)("$env → $lang", ({ env, lang }) => {
    expect(detectLang(env)).toBe(lang);
  });
});

describe("scanLangArgument", () => {
  test.each([
    { argv: ["validate", "--lang", "en"], lang: "en" },
    { argv: ["validate", "--lang=zh"], lang: "zh" },
    { argv: ["validate", "--lang", "fr"], lang: undefined },
    { argv: ["validate", "--", "--lang", "en"], lang: undefined },
  ] as const)("$argv → $lang", ({ argv, lang }) => {
    expect(scanLangArgument(argv)).toBe(lang);
  });
});
