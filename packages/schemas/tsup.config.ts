import { cpSync } from "node:fs";
import { definePackageConfig } from "../../tsup.base.ts";

export default definePackageConfig({
  // The standalone validators import a few Ajv runtime helpers; bundle them so ajv stays a devDependency.
  noExternal: [/^ajv/],
  // Ship the schemas themselves as the `./v1/*` export (after tsup has cleaned dist/).
  onSuccess: async () => {
    cpSync("../../schemas/v1", "dist/v1", { recursive: true });
  },
});
