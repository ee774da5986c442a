import { definePackageConfig } from "../../tsup.base.ts";

export default definePackageConfig({ entry: ["src/index.ts", "src/node.ts", "src/validate-worker.ts"] });
