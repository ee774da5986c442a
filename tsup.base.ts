import { defineConfig, type Options } from "tsup";

/**
 * The one build configuration every package shares: ESM only, Node 20, declarations built against the
 * siblings' published types (not their sources), so each package is built exactly as a consumer sees it.
 */
export function definePackageConfig(options: Options = {}) {
  const { dts, ...rest } = options;
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm"],
    target: "node20",
    platform: "node",
    sourcemap: true,
    clean: true,
    ...rest,
    // A package may narrow the declarations to some entries (`dts: { entry }`); the compiler options stay.
    dts: {
      ...(typeof dts === "object" ? dts : {}),
      compilerOptions: {
        ignoreDeprecations: "6.0",
        composite: false,
        customConditions: [],
        noEmit: false,
      },
    },
  });
}
