import type { Diagnostic, LocalizedMessage, Severity } from "@onething/schemas";

/** What a reconcile diagnostic code means and how serious it is, for docs/rules.md. */
export interface ReconcileCodeInfo {
  /** The severity every diagnostic with this code carries. */
  severity: Severity;
  /** One sentence on what the code reports, in both languages. */
  description: LocalizedMessage;
}

/** Every code `reconcile` and `reconcileDocuments` can emit, with its severity and a description. */
export const RECONCILE_DIAGNOSTICS = {
  "progress-version-mismatch": {
    severity: "warning",
    description: {
      zh: "台账锁定的清单版本与当前清单版本不同；对账按当前版本进行，请核对后更新 spec.checklist.version。",
      en: "The ledger pins a checklist version other than the current one; reconciling uses the current version, so review and update spec.checklist.version.",
    },
  },
  "progress-unknown-matter": {
    severity: "warning",
    description: {
      zh: "台账条目所指的一件事既不在（解析后的）清单中，也不是其中任何事项的曾用标识（formerIds）；该条目不计入对账。",
      en: "A ledger entry names a matter that is neither in the (resolved) checklist nor a former id (formerIds) of one of its matters; the entry is left out.",
    },
  },
  "progress-former-id": {
    severity: "info",
    description: {
      zh: "台账条目使用了事项的曾用标识（formerIds），已对应到现用标识；建议改为现用标识。",
      en: "A ledger entry uses a matter's former id (formerIds) and was mapped to the current id; rename it to the current id.",
    },
  },
  "progress-duplicate-entry": {
    severity: "warning",
    description: {
      zh: "同一件事在台账中有多个条目（含经曾用标识对应的）；只采用第一个。",
      en: "A matter has more than one ledger entry (former ids included); only the first one counts.",
    },
  },
  "progress-unknown-checklist": {
    severity: "error",
    description: {
      zh: "台账所指的清单在项目中不存在或无法解析，无法对账。",
      en: "The checklist a ledger pins is not in the project or could not be resolved, so the ledger cannot be reconciled.",
    },
  },
} as const satisfies Record<string, ReconcileCodeInfo>;

/** A code `reconcile` can emit. */
export type ReconcileCode = keyof typeof RECONCILE_DIAGNOSTICS;

/** Builds a reconcile diagnostic with the code's severity. */
export function reconcileDiagnostic(code: ReconcileCode, fields: Omit<Diagnostic, "code" | "severity">): Diagnostic {
  return { code, severity: RECONCILE_DIAGNOSTICS[code].severity, ...fields };
}
