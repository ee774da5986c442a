import { readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { transform, type Plugin } from "esbuild";
import { definePackageConfig } from "../../tsup.base.ts";

const require = createRequire(import.meta.url);

/**
 * string-width makes an `Intl.Segmenter` when it is loaded, which costs a short command about 20 ms; the sdk asks
 * it only for text outside the common characters (emoji, combining marks), which most runs never print. Bundled
 * behind this stand-in it is loaded (esbuild's lazy initialiser of a required module) on the first such call.
 */
const lazyStringWidth: Plugin = {
  name: "lazy-string-width",
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, (args) =>
      args.namespace === "lazy-string-width" ? undefined : { path: "string-width", namespace: "lazy-string-width", pluginData: args.resolveDir },
    );
    build.onLoad({ filter: /.*/, namespace: "lazy-string-width" }, (args) => ({
      contents: [
        "let stringWidth;",
        "export default function lazyStringWidth(text, options) {",
        '  stringWidth ??= require("string-width").default;',
        "  return stringWidth(text, options);",
        "}",
      ].join("\n"),
      resolveDir: args.pluginData as string,
      loader: "js",
    }));
  },
};

/** A line of comment only (as esbuild prints them): `// …`, `/* …` or ` * …`. */
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*)/u;

/** The output without comments and with every escape resolved, to compare two outputs' code. */
async function code(text: string): Promise<string> {
  return (await transform(text, { minify: true, charset: "utf8", format: "esm", target: "node20", supported: { "regexp-set-notation": true } })).code;
}

/**
 * esbuild escapes non-ASCII characters in strings but keeps them in the comments it prints, and one such character
 * makes V8 hold a whole chunk as a two-byte string, decoded on every start: the chunk with the parser and the
 * validators (almost 800 KB) cost a run about half a MiB of memory and a few ms of decoding for one "…" in a
 * comment. This writes them as `\uXXXX` in lines of comment only, and keeps a file as it was unless its code,
 * comments stripped, comes out the same.
 */
async function asciiComments(directory: string): Promise<void> {
  for (const name of await readdir(directory)) {
    if (!name.endsWith(".js")) continue;
    const path = join(directory, name);
    const text = await readFile(path, "utf8");
    if (!/[^\0-\x7f]/u.test(text)) continue;
    const escaped = text
      .split("\n")
      .map((line) => (COMMENT_LINE.test(line) ? line.replace(/[^\0-\x7f]/gu, (char) => Array.from({ length: char.length }, (_, index) => `\\u${char.charCodeAt(index).toString(16).padStart(4, "0")}`).join("")) : line))
      .join("\n");
    if (escaped !== text && (await code(escaped)) === (await code(text))) await writeFile(path, escaped);
  }
}

/**
 * The command is bundled with everything it runs (the sibling packages and their libraries) into a few files, so
 * that a short run does not resolve, read and compile about 150 modules one by one: `onething validate` on one
 * file starts about a quarter faster. The editor (@onething/tui, with Ink and React) stays a package of its own,
 * loaded only by `onething edit`.
 */
export default definePackageConfig({
  entry: {
    index: "src/index.ts",
    bin: "src/bin.ts",
    // The sdk starts its worker threads from `validate-worker.js` beside its own module, which is now this bundle.
    "validate-worker": "../sdk/dist/validate-worker.js",
  },
  dts: { entry: "src/index.ts" },
  noExternal: [/^@onething\/(?!tui$)/, "yaml"],
  esbuildPlugins: [lazyStringWidth],
  onSuccess: () => asciiComments("dist"),
  esbuildOptions(options) {
    // yaml's ES module build (its `default` export condition; the `node` one is CommonJS): bundled as modules it
    // needs no `require` shim. The two differ only in how warnings are printed, and onething silences them.
    options.alias = { yaml: join(dirname(require.resolve("yaml/package.json")), "browser", "index.js") };
    // Node 20 has regular expressions with the `v` flag: kept as literals (string-width's emoji pattern), they are
    // compiled on first use instead of on load.
    options.supported = { ...options.supported, "regexp-set-notation": true };
    // The sdk's built worker imports a shared chunk of its own for ordering only; bundled, it is not needed.
    options.logOverride = { ...options.logOverride, "ignored-bare-import": "silent" };
  },
});
