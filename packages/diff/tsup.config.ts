import { definePackageConfig } from "../../tsup.base.ts";

export default definePackageConfig();
