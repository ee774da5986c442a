import type { Lang } from "@onething/sdk";

function fromLocale(locale: string): Lang | undefined {
  if (locale === "") return undefined;
  const base = locale.split(/[.@]/u)[0] ?? "";
  if (base === "C" || base === "POSIX") return "zh";
  return /^zh(?:[_-]|$)/iu.test(base) ? "zh" : "en";
}

/**
 * Picks the language of messages: `ONETHING_LANG` (zh or en) when set, else the first non-empty of
 * LC_ALL, LC_MESSAGES and LANG (zh_* → zh, C/POSIX → zh, any other locale → en), else zh.
 *
 * @example
 * detectLang({ LANG: "en_US.UTF-8" }); // "en"
 * detectLang({ ONETHING_LANG: "zh", LANG: "en_US.UTF-8" }); // "zh"
 */
export function detectLang(env: Readonly<Record<string, string | undefined>>): Lang {
  const explicit = env["ONETHING_LANG"]?.trim().toLowerCase();
  if (explicit === "zh" || explicit === "en") return explicit;
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name]?.trim();
    if (value !== undefined && value !== "") return fromLocale(value) ?? "zh";
  }
  return "zh";
}

/** Finds `--lang zh|en` in raw arguments before they are parsed, so even argument errors use it. */
export function scanLangArgument(argv: readonly string[]): Lang | undefined {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === "--") return undefined;
    const value = arg === "--lang" ? argv[index + 1] : arg?.startsWith("--lang=") ? arg.slice("--lang=".length) : undefined;
    if (value === "zh" || value === "en") return value;
  }
  return undefined;
}
