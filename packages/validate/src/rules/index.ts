import type { Rule } from "../types.js";
import { annualBatchMismatch } from "./annual-batch-mismatch.js";
import { basicCodeFormat } from "./basic-code-format.js";
import { bundleTooSmall } from "./bundle-too-small.js";
import { creditCodeFormat } from "./credit-code-format.js";
import { declaredCountMismatch } from "./declared-count-mismatch.js";
import { divisionCodeFormat } from "./division-code-format.js";
import { duplicateId } from "./duplicate-id.js";
import { emptyPatch } from "./empty-patch.js";
import { invalidDate } from "./invalid-date.js";
import { leadInPartners } from "./lead-in-partners.js";
import { materialCountMismatch } from "./material-count-mismatch.js";
import { metricAfterExceedsBefore } from "./metric-after-exceeds-before.js";
import { nameEnMissing } from "./name-en-missing.js";
import { overdue } from "./overdue.js";
import { promisedExceedsLegal } from "./promised-exceeds-legal.js";
import { referencesUnchecked } from "./references-unchecked.js";
import { unknownBase } from "./unknown-base.js";
import { unknownBatch } from "./unknown-batch.js";
import { unknownChecklist } from "./unknown-checklist.js";
import { unknownDepartment } from "./unknown-department.js";
import { unknownItem } from "./unknown-item.js";
import { unknownMatter } from "./unknown-matter.js";
import { unknownStage } from "./unknown-stage.js";
import { unsupportedConfidence } from "./unsupported-confidence.js";
import { zeroTripsNeedsOnline } from "./zero-trips-needs-online.js";

/** Every semantic rule, in id order. */
export const rules: readonly Rule[] = [
  annualBatchMismatch,
  basicCodeFormat,
  bundleTooSmall,
  creditCodeFormat,
  declaredCountMismatch,
  divisionCodeFormat,
  duplicateId,
  emptyPatch,
  invalidDate,
  leadInPartners,
  materialCountMismatch,
  metricAfterExceedsBefore,
  nameEnMissing,
  overdue,
  promisedExceedsLegal,
  referencesUnchecked,
  unknownBase,
  unknownBatch,
  unknownChecklist,
  unknownDepartment,
  unknownItem,
  unknownMatter,
  unknownStage,
  unsupportedConfidence,
  zeroTripsNeedsOnline,
];
