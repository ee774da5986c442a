import packageJson from "../package.json" with { type: "json" };

/** The version of @onething/cli, from its package.json (bundled at build time). */
export const VERSION: string = packageJson.version;
