import type { LocalizedMessage } from "@onething/schemas";
import type { LockField } from "./fields.js";

/** The zh and en words for a lockable field. */
export const LOCK_FIELD_NAMES: Record<LockField, LocalizedMessage> = {
  items: { zh: "所含事项", en: "bundled items" },
  steps: { zh: "办理环节数", en: "number of steps" },
  days: { zh: "办理时间", en: "processing days" },
  materials: { zh: "申请材料数", en: "number of materials" },
  trips: { zh: "跑动次数", en: "number of trips" },
  formFields: { zh: "表单字段数", en: "number of form fields" },
  promisedTime: { zh: "承诺办结时限", en: "promised time limit" },
  owners: { zh: "牵头部门", en: "lead department" },
};

const UNIT_NAMES: Record<string, LocalizedMessage> = {
  workday: { zh: "个工作日", en: "working days" },
  day: { zh: "个自然日", en: "calendar days" },
  hour: { zh: "小时", en: "hours" },
};

/** A duration in both languages, such as `5 个工作日` / `5 working days`. */
export function describeDuration(value: unknown, unit: unknown): LocalizedMessage {
  const name = typeof unit === "string" ? UNIT_NAMES[unit] : undefined;
  const amount = String(value);
  if (name === undefined) return { zh: `${amount} ${String(unit)}`, en: `${amount} ${String(unit)}` };
  return { zh: `${amount} ${name.zh}`, en: `${amount} ${name.en}` };
}

/** How a patch weakens a locked field, as the detail of `locked-field-weakened`. */
export type Weakening =
  | { kind: "metric-raised"; from: number; to: number }
  | { kind: "metric-removed"; from: number }
  | { kind: "time-longer"; from: LocalizedMessage; to: LocalizedMessage }
  | { kind: "time-unit"; from: string; to: string }
  | { kind: "time-removed"; from: LocalizedMessage }
  | { kind: "items-dropped"; refs: string[] }
  | { kind: "lead-changed"; from: string; to: string }
  | { kind: "lead-removed"; from: string }
  | { kind: "lock-removed" };

function describeWeakening(weakening: Weakening, field: LocalizedMessage): LocalizedMessage {
  switch (weakening.kind) {
    case "metric-raised":
      return {
        zh: `改革后的${field.zh}从 ${weakening.from} 升到 ${weakening.to}`,
        en: `the ${field.en} after the reform rises from ${weakening.from} to ${weakening.to}`,
      };
    case "metric-removed":
      return {
        zh: `删除了改革后的${field.zh}（上级为 ${weakening.from}）`,
        en: `the ${field.en} after the reform (${weakening.from} in the base) is removed`,
      };
    case "time-longer":
      return {
        zh: `从 ${weakening.from.zh}延长到 ${weakening.to.zh}`,
        en: `it grows from ${weakening.from.en} to ${weakening.to.en}`,
      };
    case "time-unit":
      return {
        zh: `单位从 ${weakening.from} 改成了 ${weakening.to}，无法保证不延长`,
        en: `its unit changes from ${weakening.from} to ${weakening.to}, so it may grow`,
      };
    case "time-removed":
      return {
        zh: `删除了承诺时限（上级为 ${weakening.from.zh}）`,
        en: `the promised time limit (${weakening.from.en} in the base) is removed`,
      };
    case "items-dropped":
      return {
        zh: `删除了所含事项 ${weakening.refs.join("、")}`,
        en: `it drops the bundled item${weakening.refs.length === 1 ? "" : "s"} ${weakening.refs.join(", ")}`,
      };
    case "lead-changed":
      return {
        zh: `牵头部门从 ${weakening.from} 换成了 ${weakening.to}`,
        en: `it changes the lead from ${weakening.from} to ${weakening.to}`,
      };
    case "lead-removed":
      return {
        zh: `删除了牵头部门（上级为 ${weakening.from}）`,
        en: `it removes the lead (${weakening.from} in the base)`,
      };
    case "lock-removed":
      return { zh: "补丁的 locked 去掉了这项锁定", en: "the patch's locked list drops this lock" };
  }
}

/** Message and hint of `locked-field-weakened`. */
export function lockedFieldWeakenedText(options: {
  matter: string;
  field: LockField;
  lockedBy: string;
  weakening: Weakening;
}): { message: LocalizedMessage; hint: LocalizedMessage } {
  const { matter, field, lockedBy, weakening } = options;
  const name = LOCK_FIELD_NAMES[field];
  const detail = describeWeakening(weakening, name);
  return {
    message: {
      zh: `一件事 ${matter} 的${name.zh}（${field}）已被上级清单 ${lockedBy} 锁定，这个补丁却弱化了它：${detail.zh}；仍沿用上级的值。`,
      en: `The field ${field} (${name.en}) of matter ${matter} is locked by the base list ${lockedBy}, and this patch weakens it: ${detail.en}; the base value is kept.`,
    },
    hint: {
      zh: "锁定的字段是下级清单不能降低的底线：跑动、环节、时间、材料、表单字段只能持平或减少，承诺时限不能延长、不能换单位，所含事项不能删除，牵头部门不能更换，锁定本身也不能去掉。删除这项修改，或请上级清单调整。",
      en: "A locked field is a floor a list extending the base may not lower: trips, steps, days, materials and form fields may only stay or fall, the promised time may not grow or change its unit, no bundled item may be dropped, the lead may not change, and the lock itself stays. Remove this change, or ask the base list to change.",
    },
  };
}

/** The text of the `related` entry pointing at the base's `locked` entry. */
export function lockedHereText(lockedBy: string, field: LockField): LocalizedMessage {
  return { zh: `${lockedBy} 在此锁定 ${field}`, en: `${field} is locked here by ${lockedBy}` };
}

/** Message and hint of `extends-cycle`. */
export function extendsCycleText(cycle: readonly string[]): { message: LocalizedMessage; hint: LocalizedMessage } {
  const path = cycle.join(" → ");
  return {
    message: {
      zh: `extends 形成了循环：${path}；这一条继承被忽略。`,
      en: `extends forms a cycle: ${path}; this entry is ignored.`,
    },
    hint: {
      zh: "清单只能继承更上一级的清单（国家 → 省 → 市）；删除循环中的一条 extends。",
      en: "A list extends only lists above it (national → provincial → city); remove one extends entry of the cycle.",
    },
  };
}

/** The text of a `related` entry of `extends-cycle`: one step of the cycle. */
export function cycleStepText(from: string, to: string): LocalizedMessage {
  return { zh: `${from} 继承 ${to}`, en: `${from} extends ${to}` };
}

/** Message and hint of `duplicate-matter` for a list's own matter that reuses an inherited id. */
export function duplicateOwnMatterText(matter: string, base: string): { message: LocalizedMessage; hint: LocalizedMessage } {
  return {
    message: {
      zh: `一件事 ${matter} 已从上级清单 ${base} 继承，本清单又定义了一次；保留继承的定义，忽略这一个。`,
      en: `The matter ${matter} is inherited from ${base} and defined again here; the inherited one is kept and this one ignored.`,
    },
    hint: {
      zh: "要修改上级的一件事，请在 spec.patches 中按标识写出要改的字段，不要重新定义；若这是本地的特色事项，请换一个标识。",
      en: "To change a base matter, list the fields to change under spec.patches (by id) instead of redefining it; for a local matter of your own, choose another id.",
    },
  };
}

/** Message and hint of `duplicate-matter` for a matter two bases both provide, differently. */
export function duplicateInheritedMatterText(options: {
  matter: string;
  first: string;
  second: string;
}): { message: LocalizedMessage; hint: LocalizedMessage } {
  const { matter, first, second } = options;
  return {
    message: {
      zh: `一件事 ${matter} 同时从 ${first} 和 ${second} 继承，两处内容不同；保留先列出的 ${first} 中的那一个。`,
      en: `The matter ${matter} is inherited from both ${first} and ${second}, differently; the one from ${first}, listed first, is kept.`,
    },
    hint: {
      zh: `只从一个上级继承它：在 ${second} 的 extends 条目中用 exclude 排除它。`,
      en: `Inherit it from one base only: exclude it in the extends entry of ${second}.`,
    },
  };
}

/** The text of the `related` entry pointing at the definition a duplicate collides with. */
export function keptDefinitionText(checklist: string): LocalizedMessage {
  return { zh: `保留的定义（${checklist}）`, en: `the definition kept (${checklist})` };
}

/** Message and hint of `local-floor`. */
export function localFloorText(options: {
  matter: string;
  base: string;
  by: "select" | "exclude";
}): { message: LocalizedMessage; hint: LocalizedMessage } {
  const { matter, base, by } = options;
  const how = by === "select" ? { zh: "没有列入 select", en: "is not in select" } : { zh: "被 exclude 排除", en: "is excluded" };
  return {
    message: {
      zh: `上级清单 ${base} 的一件事 ${matter} ${how.zh}，本清单既没有实施它，也没有在 notApplicable 中说明不适用的原因。`,
      en: `The matter ${matter} of the base list ${base} ${how.en}, and this list neither implements it nor marks it not applicable with a reason.`,
    },
    hint: {
      zh: `上级清单的每件事都是底线：要么继承并实施它，要么在 spec.notApplicable 中写明原因（如 { matter: ${matter}, reason: { zh: 在省级层面办理 }, basis: provincial-level }）。`,
      en: `Every matter of a base list is a floor: inherit and implement it, or give the reason under spec.notApplicable (such as { matter: ${matter}, reason: { zh: 在省级层面办理 }, basis: provincial-level }).`,
    },
  };
}
