// Generated from schemas/v1 by src/known-fields.test.ts; run `npx vitest run packages/validate -u` after a schema change.
/** The instance paths (array indexes written `*`) of each kind whose value is a FullDate or PartialDate. */
export const DATE_FIELDS: Record<string, readonly string[]> = {
  "Taxonomy": [
    "/metadata/sources/*/date",
    "/spec/sources/*/date"
  ],
  "DepartmentRegistry": [
    "/metadata/sources/*/date",
    "/spec/departments/*/sources/*/date"
  ],
  "ItemCatalog": [
    "/metadata/sources/*/date",
    "/spec/items/*/sources/*/date"
  ],
  "Checklist": [
    "/metadata/sources/*/date",
    "/spec/matters/*/dueDate",
    "/spec/matters/*/sources/*/date",
    "/spec/patches/*/set/dueDate",
    "/spec/patches/*/set/sources/*/date"
  ],
  "Progress": [
    "/metadata/sources/*/date",
    "/spec/asOf",
    "/spec/entries/*/dueDate",
    "/spec/entries/*/evidence/*/date",
    "/spec/entries/*/since"
  ],
  "Evaluation": [
    "/metadata/sources/*/date",
    "/spec/period/from",
    "/spec/period/to"
  ]
};
