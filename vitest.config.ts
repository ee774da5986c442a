import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the sources of sibling packages; the built packages are tested separately
    // through the CLI and the packed-tarball test.
    alias: {
      "@onething/dsl/node": fileURLToPath(new URL("./packages/dsl/src/node.ts", import.meta.url)),
      "@onething/sdk/node": fileURLToPath(new URL("./packages/sdk/src/node.ts", import.meta.url)),
      "@onething/schemas": pkg("schemas"),
      "@onething/dsl": pkg("dsl"),
      "@onething/validate": pkg("validate"),
      "@onething/diff": pkg("diff"),
      "@onething/sdk": pkg("sdk"),
      "@onething/tui": pkg("tui"),
      "@onething/cli": pkg("cli"),
    },
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    pool: "forks",
    testTimeout: 20_000,
  },
});
