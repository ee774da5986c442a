import { defineConfig, type Options } from "tsup";

/**
 * The one build configuration every package shares: ESM only, Node 20, declarations built against the
 * siblings' published types (not their sources), so each package is built exactly as a consumer sees it.
 */
export function definePackageConfig(options: Options = {}) {
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm"],
    target: "node20",
    platform: "node",
    sourcemap: true,
    clean: true,
    dts: {
      compilerOptions: {
        ignoreDeprecations: "6.0",
        composite: false,
        customConditions: [],
        noEmit: false,
      },
    },
    ...options,
  });
}
