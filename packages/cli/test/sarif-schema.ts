import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AjvDraft04 from "ajv-draft-04";

// The OASIS SARIF 2.1.0 schema sits beside the repository: <repo>/../shared/data/sarif/.
const sarifSchema = fileURLToPath(new URL("../../../../shared/data/sarif/sarif-schema-2.1.0.json", import.meta.url));
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
ajv.addFormat("uri", /^[a-z][a-z0-9+.-]*:[^\s]*$/iu);
ajv.addFormat("uri-reference", /^[^\s]*$/u);
ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/u);

/** Validates a SARIF log against the official SARIF 2.1.0 schema (tests only); errors are on `validateSarif.errors`. */
export const validateSarif = ajv.compile(JSON.parse(readFileSync(sarifSchema, "utf8")));
