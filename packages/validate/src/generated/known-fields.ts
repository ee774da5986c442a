// Generated from schemas/v1 by src/known-fields.test.ts; run `npx vitest run packages/validate -u` after a schema change.
/** The property names each closed object of each kind allows, by instance path (array indexes written `*`). */
export const KNOWN_FIELDS: Record<string, Record<string, readonly string[]>> = {
  "Taxonomy": {
    "": [
      "apiVersion",
      "kind",
      "metadata",
      "spec"
    ],
    "/metadata": [
      "confidence",
      "description",
      "id",
      "jurisdiction",
      "sources",
      "title",
      "version"
    ],
    "/metadata/title": [
      "en",
      "zh"
    ],
    "/metadata/jurisdiction": [
      "division",
      "level",
      "name"
    ],
    "/metadata/jurisdiction/name": [
      "en",
      "zh"
    ],
    "/metadata/description": [
      "en",
      "zh"
    ],
    "/metadata/sources/*": [
      "date",
      "note",
      "title",
      "url"
    ],
    "/spec": [
      "sources",
      "subjects"
    ],
    "/spec/subjects/*": [
      "id",
      "name",
      "stages"
    ],
    "/spec/subjects/*/name": [
      "en",
      "zh"
    ],
    "/spec/subjects/*/stages/*": [
      "aliases",
      "description",
      "id",
      "name"
    ],
    "/spec/subjects/*/stages/*/name": [
      "en",
      "zh"
    ],
    "/spec/subjects/*/stages/*/description": [
      "en",
      "zh"
    ],
    "/spec/subjects/*/stages/*/aliases/*": [
      "note",
      "taxonomy",
      "zh"
    ],
    "/spec/sources/*": [
      "date",
      "note",
      "title",
      "url"
    ]
  },
  "DepartmentRegistry": {
    "": [
      "apiVersion",
      "kind",
      "metadata",
      "spec"
    ],
    "/metadata": [
      "confidence",
      "description",
      "id",
      "jurisdiction",
      "sources",
      "title",
      "version"
    ],
    "/metadata/title": [
      "en",
      "zh"
    ],
    "/metadata/jurisdiction": [
      "division",
      "level",
      "name"
    ],
    "/metadata/jurisdiction/name": [
      "en",
      "zh"
    ],
    "/metadata/description": [
      "en",
      "zh"
    ],
    "/metadata/sources/*": [
      "date",
      "note",
      "title",
      "url"
    ],
    "/spec": [
      "departments"
    ],
    "/spec/departments/*": [
      "confidence",
      "creditCode",
      "division",
      "id",
      "level",
      "name",
      "parent",
      "shortName",
      "sources"
    ],
    "/spec/departments/*/name": [
      "en",
      "zh"
    ],
    "/spec/departments/*/shortName": [
      "en",
      "zh"
    ],
    "/spec/departments/*/sources/*": [
      "date",
      "note",
      "title",
      "url"
    ]
  },
  "ItemCatalog": {
    "": [
      "apiVersion",
      "kind",
      "metadata",
      "spec"
    ],
    "/metadata": [
      "confidence",
      "description",
      "id",
      "jurisdiction",
      "sources",
      "title",
      "version"
    ],
    "/metadata/title": [
      "en",
      "zh"
    ],
    "/metadata/jurisdiction": [
      "division",
      "level",
      "name"
    ],
    "/metadata/jurisdiction/name": [
      "en",
      "zh"
    ],
    "/metadata/description": [
      "en",
      "zh"
    ],
    "/metadata/sources/*": [
      "date",
      "note",
      "title",
      "url"
    ],
    "/spec": [
      "items"
    ],
    "/spec/items/*": [
      "basicCode",
      "channels",
      "confidence",
      "department",
      "fee",
      "id",
      "implementationCode",
      "legalBasis",
      "legalTime",
      "materials",
      "name",
      "note",
      "promisedTime",
      "sources",
      "trips",
      "type"
    ],
    "/spec/items/*/name": [
      "en",
      "zh"
    ],
    "/spec/items/*/legalTime": [
      "note",
      "unit",
      "value"
    ],
    "/spec/items/*/promisedTime": [
      "note",
      "unit",
      "value"
    ],
    "/spec/items/*/fee": [
      "charged",
      "note"
    ],
    "/spec/items/*/materials/*": [
      "condition",
      "copies",
      "form",
      "id",
      "name",
      "necessity",
      "source"
    ],
    "/spec/items/*/materials/*/name": [
      "en",
      "zh"
    ],
    "/spec/items/*/sources/*": [
      "date",
      "note",
      "title",
      "url"
    ]
  },
  "Checklist": {
    "": [
      "apiVersion",
      "kind",
      "metadata",
      "spec"
    ],
    "/metadata": [
      "confidence",
      "description",
      "id",
      "jurisdiction",
      "sources",
      "title",
      "version"
    ],
    "/metadata/title": [
      "en",
      "zh"
    ],
    "/metadata/jurisdiction": [
      "division",
      "level",
      "name"
    ],
    "/metadata/jurisdiction/name": [
      "en",
      "zh"
    ],
    "/metadata/description": [
      "en",
      "zh"
    ],
    "/metadata/sources/*": [
      "date",
      "note",
      "title",
      "url"
    ],
    "/spec": [
      "batch",
      "declaredCount",
      "extends",
      "matters",
      "notApplicable",
      "patches",
      "scope"
    ],
    "/spec/batch": [
      "seq",
      "year"
    ],
    "/spec/extends/*": [
      "checklist",
      "exclude",
      "select"
    ],
    "/spec/notApplicable/*": [
      "basis",
      "matter",
      "reason"
    ],
    "/spec/notApplicable/*/reason": [
      "en",
      "zh"
    ],
    "/spec/patches/*": [
      "matter",
      "set"
    ],
    "/spec/patches/*/set": [
      "batches",
      "channels",
      "confidence",
      "dueDate",
      "formerIds",
      "items",
      "locked",
      "materials",
      "metrics",
      "name",
      "note",
      "oneStop",
      "owners",
      "promisedTime",
      "shortName",
      "smart",
      "sources",
      "stage",
      "status",
      "steps",
      "subject"
    ],
    "/spec/patches/*/set/name": [
      "en",
      "zh"
    ],
    "/spec/patches/*/set/batches/*": [
      "seq",
      "year"
    ],
    "/spec/patches/*/set/owners": [
      "lead",
      "leader",
      "partners"
    ],
    "/spec/patches/*/set/items/*": [
      "note",
      "ref",
      "role"
    ],
    "/spec/patches/*/set/materials/*": [
      "condition",
      "copies",
      "form",
      "id",
      "name",
      "necessity",
      "source"
    ],
    "/spec/patches/*/set/materials/*/name": [
      "en",
      "zh"
    ],
    "/spec/patches/*/set/steps/*": [
      "department",
      "name"
    ],
    "/spec/patches/*/set/steps/*/name": [
      "en",
      "zh"
    ],
    "/spec/patches/*/set/promisedTime": [
      "note",
      "unit",
      "value"
    ],
    "/spec/patches/*/set/metrics": [
      "days",
      "formFields",
      "materials",
      "steps",
      "trips"
    ],
    "/spec/patches/*/set/metrics/steps": [
      "after",
      "before",
      "publishedReduction",
      "source",
      "target"
    ],
    "/spec/patches/*/set/metrics/days": [
      "after",
      "before",
      "publishedReduction",
      "source",
      "target"
    ],
    "/spec/patches/*/set/metrics/materials": [
      "after",
      "before",
      "publishedReduction",
      "source",
      "target"
    ],
    "/spec/patches/*/set/metrics/trips": [
      "after",
      "before",
      "publishedReduction",
      "source",
      "target"
    ],
    "/spec/patches/*/set/metrics/formFields": [
      "after",
      "before",
      "publishedReduction",
      "source",
      "target"
    ],
    "/spec/patches/*/set/oneStop": [
      "form",
      "materials",
      "notice",
      "online",
      "window"
    ],
    "/spec/patches/*/set/smart": [
      "applicationMinutes",
      "firstPassRateChange",
      "prefillRate",
      "submissionFreeRate"
    ],
    "/spec/patches/*/set/smart/applicationMinutes": [
      "after",
      "before",
      "publishedReduction",
      "source",
      "target"
    ],
    "/spec/patches/*/set/sources/*": [
      "date",
      "note",
      "title",
      "url"
    ],
    "/spec/matters/*": [
      "batches",
      "channels",
      "confidence",
      "dueDate",
      "formerIds",
      "id",
      "items",
      "locked",
      "materials",
      "metrics",
      "name",
      "note",
      "oneStop",
      "owners",
      "promisedTime",
      "shortName",
      "smart",
      "sources",
      "stage",
      "status",
      "steps",
      "subject"
    ],
    "/spec/matters/*/name": [
      "en",
      "zh"
    ],
    "/spec/matters/*/batches/*": [
      "seq",
      "year"
    ],
    "/spec/matters/*/owners": [
      "lead",
      "leader",
      "partners"
    ],
    "/spec/matters/*/items/*": [
      "note",
      "ref",
      "role"
    ],
    "/spec/matters/*/materials/*": [
      "condition",
      "copies",
      "form",
      "id",
      "name",
      "necessity",
      "source"
    ],
    "/spec/matters/*/materials/*/name": [
      "en",
      "zh"
    ],
    "/spec/matters/*/steps/*": [
      "department",
      "name"
    ],
    "/spec/matters/*/steps/*/name": [
      "en",
      "zh"
    ],
    "/spec/matters/*/promisedTime": [
      "note",
      "unit",
      "value"
    ],
    "/spec/matters/*/metrics": [
      "days",
      "formFields",
      "materials",
      "steps",
      "trips"
    ],
    "/spec/matters/*/metrics/steps": [
      "after",
      "before",
      "publishedReduction",
      "source",
      "target"
    ],
    "/spec/matters/*/metrics/days": [
      "after",
      "before",
      "publishedReduction",
      "source",
      "target"
    ],
    "/spec/matters/*/metrics/materials": [
      "after",
      "before",
      "publishedReduction",
      "source",
      "target"
    ],
    "/spec/matters/*/metrics/trips": [
      "after",
      "before",
      "publishedReduction",
      "source",
      "target"
    ],
    "/spec/matters/*/metrics/formFields": [
      "after",
      "before",
      "publishedReduction",
      "source",
      "target"
    ],
    "/spec/matters/*/oneStop": [
      "form",
      "materials",
      "notice",
      "online",
      "window"
    ],
    "/spec/matters/*/smart": [
      "applicationMinutes",
      "firstPassRateChange",
      "prefillRate",
      "submissionFreeRate"
    ],
    "/spec/matters/*/smart/applicationMinutes": [
      "after",
      "before",
      "publishedReduction",
      "source",
      "target"
    ],
    "/spec/matters/*/sources/*": [
      "date",
      "note",
      "title",
      "url"
    ]
  },
  "Progress": {
    "": [
      "apiVersion",
      "kind",
      "metadata",
      "spec"
    ],
    "/metadata": [
      "confidence",
      "description",
      "id",
      "jurisdiction",
      "sources",
      "title",
      "version"
    ],
    "/metadata/title": [
      "en",
      "zh"
    ],
    "/metadata/jurisdiction": [
      "division",
      "level",
      "name"
    ],
    "/metadata/jurisdiction/name": [
      "en",
      "zh"
    ],
    "/metadata/description": [
      "en",
      "zh"
    ],
    "/metadata/sources/*": [
      "date",
      "note",
      "title",
      "url"
    ],
    "/spec": [
      "asOf",
      "checklist",
      "entries"
    ],
    "/spec/checklist": [
      "id",
      "version"
    ],
    "/spec/entries/*": [
      "confidence",
      "dueDate",
      "evidence",
      "matter",
      "note",
      "reason",
      "since",
      "status"
    ],
    "/spec/entries/*/reason": [
      "en",
      "zh"
    ],
    "/spec/entries/*/evidence/*": [
      "date",
      "note",
      "title",
      "url"
    ]
  },
  "Evaluation": {
    "": [
      "apiVersion",
      "kind",
      "metadata",
      "spec"
    ],
    "/metadata": [
      "confidence",
      "description",
      "id",
      "jurisdiction",
      "sources",
      "title",
      "version"
    ],
    "/metadata/title": [
      "en",
      "zh"
    ],
    "/metadata/jurisdiction": [
      "division",
      "level",
      "name"
    ],
    "/metadata/jurisdiction/name": [
      "en",
      "zh"
    ],
    "/metadata/description": [
      "en",
      "zh"
    ],
    "/metadata/sources/*": [
      "date",
      "note",
      "title",
      "url"
    ],
    "/spec": [
      "indicators",
      "period",
      "results"
    ],
    "/spec/period": [
      "from",
      "to"
    ],
    "/spec/indicators/*": [
      "dimension",
      "direction",
      "id",
      "name",
      "unit",
      "weight"
    ],
    "/spec/indicators/*/name": [
      "en",
      "zh"
    ],
    "/spec/results/*": [
      "checklist",
      "confidence",
      "matter",
      "satisfaction",
      "values",
      "volume"
    ],
    "/spec/results/*/satisfaction": [
      "basicallySatisfied",
      "dissatisfied",
      "satisfied",
      "veryDissatisfied",
      "verySatisfied"
    ],
    "/spec/results/*/values/*": [
      "indicator",
      "value"
    ]
  }
};
