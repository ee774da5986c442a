import { definePackageConfig } from "../../tsup.base.ts";

export default definePackageConfig({ entry: ["src/index.ts", "src/validation-worker.ts"] });
