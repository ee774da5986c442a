import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { SCHEMA_FILES } from "@onething/schemas";
import { generateKnownFields, renderKnownFields } from "./known-fields-generate.js";

const schemaDirectory = fileURLToPath(new URL("../../../schemas/v1/", import.meta.url));

test("the committed known-fields map matches schemas/v1", async () => {
  const files = Object.fromEntries(
    readdirSync(schemaDirectory)
      .filter((name) => name.endsWith(".schema.json"))
      .map((name) => [name, JSON.parse(readFileSync(`${schemaDirectory}${name}`, "utf8")) as Record<string, unknown>]),
  );
  const roots = Object.fromEntries(Object.entries(SCHEMA_FILES).map(([kind, file]) => [kind, files[file] ?? {}]));
  await expect(renderKnownFields(generateKnownFields({ roots, files }))).toMatchFileSnapshot("./generated/known-fields.ts");
});
