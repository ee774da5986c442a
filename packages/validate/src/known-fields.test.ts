import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { SCHEMA_FILES } from "@onething/schemas";
import { generateDateFields, generateKnownFields, renderDateFields, renderKnownFields } from "./known-fields-generate.js";

const schemaDirectory = fileURLToPath(new URL("../../../schemas/v1/", import.meta.url));

function schemaFiles() {
  const files = Object.fromEntries(
    readdirSync(schemaDirectory)
      .filter((name) => name.endsWith(".schema.json"))
      .map((name) => [name, JSON.parse(readFileSync(`${schemaDirectory}${name}`, "utf8")) as Record<string, unknown>]),
  );
  const roots = Object.fromEntries(Object.entries(SCHEMA_FILES).map(([kind, file]) => [kind, files[file] ?? {}]));
  return { roots, files };
}

test("the committed known-fields map matches schemas/v1", async () => {
  await expect(renderKnownFields(generateKnownFields(schemaFiles()))).toMatchFileSnapshot("./generated/known-fields.ts");
});

test("the committed date-fields map matches schemas/v1", async () => {
  const fields = generateDateFields(schemaFiles());
  // A sample the invalid-date rule relies on, so that an empty map cannot pass.
  expect(fields.Checklist).toContain("/spec/matters/*/dueDate");
  expect(fields.Progress).toContain("/spec/entries/*/dueDate");
  await expect(renderDateFields(fields)).toMatchFileSnapshot("./generated/date-fields.ts");
});
