import type { LocalizedMessage } from "@onething/schemas";
import type { ChangeClass, DiffImpact } from "./types.js";

/** The languages of the messages. */
export type Lang = "zh" | "en";

const m = (zh: string, en: string): LocalizedMessage => ({ zh, en });

/** Names of the data standard's fields, by key, as a policy officer calls them. */
export const FIELD_LABELS: Readonly<Record<string, LocalizedMessage>> = {
  apiVersion: m("标准版本", "standard version"),
  kind: m("文档类型", "document kind"),
  metadata: m("元数据", "metadata"),
  id: m("标识", "id"),
  title: m("标题", "title"),
  version: m("版本", "version"),
  jurisdiction: m("管辖", "jurisdiction"),
  description: m("说明", "description"),
  sources: m("来源", "sources"),
  scope: m("清单范围", "list scope"),
  batch: m("批次", "batch"),
  declaredCount: m("公布事项数", "declared count"),
  extends: m("继承清单", "extended lists"),
  select: m("选取事项", "selected matters"),
  exclude: m("排除事项", "excluded matters"),
  notApplicable: m("不适用事项", "not-applicable matters"),
  patches: m("修改事项", "patched matters"),
  set: m("修改内容", "changes"),
  basis: m("不适用依据", "basis"),
  reason: m("理由", "reason"),
  matters: m("事项", "matters"),
  formerIds: m("曾用标识", "former ids"),
  name: m("名称", "name"),
  shortName: m("简称", "short name"),
  subject: m("服务主体", "subject"),
  stage: m("生命周期阶段", "lifecycle stage"),
  batches: m("批次", "batches"),
  owners: m("责任部门", "owners"),
  leader: m("牵头领导", "leader"),
  lead: m("牵头部门", "lead department"),
  partners: m("配合部门", "partner departments"),
  items: m("政务服务事项", "service items"),
  ref: m("事项引用", "item reference"),
  role: m("办理要求", "role"),
  materials: m("申请材料", "materials"),
  steps: m("办理环节", "steps"),
  channels: m("办理渠道", "channels"),
  promisedTime: m("承诺时限", "promised time"),
  legalTime: m("法定时限", "legal time limit"),
  metrics: m("成效指标", "metrics"),
  days: m("办理时间", "processing time"),
  trips: m("跑动次数", "trips"),
  formFields: m("填表字段数", "form fields"),
  before: m("改革前", "before"),
  after: m("改革后", "after"),
  target: m("目标", "target"),
  publishedReduction: m("公布降幅", "published reduction"),
  source: m("来源", "source"),
  oneStop: m("“五个一”", "one-stop flags"),
  notice: m("一次告知", "one notice"),
  form: m("一表申请", "one form"),
  window: m("一窗（端）受理", "one window"),
  online: m("一网办理", "one network"),
  smart: m("智能服务", "smart services"),
  prefillRate: m("智能预填率", "prefill rate"),
  submissionFreeRate: m("免提交率", "submission-free rate"),
  firstPassRateChange: m("一次通过率变化", "first-pass rate change"),
  applicationMinutes: m("申请用时（分钟）", "application minutes"),
  status: m("状态", "status"),
  dueDate: m("完成时限", "due date"),
  locked: m("锁定字段", "locked fields"),
  confidence: m("可信度", "confidence"),
  note: m("备注", "note"),
  department: m("主管部门", "competent department"),
  basicCode: m("基本编码", "basic code"),
  implementationCode: m("实施编码", "implementation code"),
  type: m("事项类型", "item type"),
  legalBasis: m("设定依据", "legal basis"),
  fee: m("收费", "fee"),
  charged: m("是否收费", "charged"),
  necessity: m("必要性", "necessity"),
  condition: m("提交条件", "condition"),
  copies: m("份数", "copies"),
  level: m("层级", "level"),
  division: m("行政区划代码", "division code"),
  creditCode: m("统一社会信用代码", "credit code"),
  parent: m("上级部门", "parent department"),
  departments: m("部门", "departments"),
  subjects: m("服务主体", "subjects"),
  stages: m("生命周期阶段", "lifecycle stages"),
  aliases: m("别名", "aliases"),
  checklist: m("清单", "checklist"),
  asOf: m("统计日期", "as of"),
  entries: m("进度条目", "entries"),
  since: m("状态日期", "since"),
  evidence: m("佐证", "evidence"),
  period: m("评价期", "period"),
  indicators: m("评价指标", "indicators"),
  results: m("评价结果", "results"),
  weight: m("权重", "weight"),
  unit: m("单位", "unit"),
  direction: m("指标方向", "direction"),
  volume: m("办件量", "volume"),
  satisfaction: m("满意度", "satisfaction"),
  values: m("指标值", "indicator values"),
  value: m("数值", "value"),
};

/** The metrics' names inside `metrics` (`materials` there is a count, not the material set). */
export const METRIC_LABELS: Readonly<Record<string, LocalizedMessage>> = {
  steps: m("办理环节数", "steps"),
  days: m("办理时间（天）", "days"),
  materials: m("申请材料数", "materials"),
  trips: m("跑动次数", "trips"),
  formFields: m("填表字段数", "form fields"),
  applicationMinutes: m("申请用时（分钟）", "application minutes"),
};

/** Status names of matters and ledger entries. */
export const STATUS_LABELS: Readonly<Record<string, LocalizedMessage>> = {
  planned: m("计划中", "planned"),
  "in-progress": m("推进中", "in progress"),
  landed: m("已落地", "landed"),
  verified: m("已验收", "verified"),
  retired: m("已退出", "retired"),
  "not-applicable": m("不适用", "not applicable"),
  "awaiting-plan": m("待部署", "awaiting plan"),
};

/** Subject names. */
export const SUBJECT_LABELS: Readonly<Record<string, LocalizedMessage>> = {
  enterprise: m("企业", "Enterprise"),
  individual: m("个人", "Individual"),
  project: m("工程建设项目", "Construction project"),
};

/** The order subjects are listed in. */
export const SUBJECT_ORDER: readonly string[] = ["enterprise", "individual", "project"];

/** Duration units, written after a number. */
export const UNIT_LABELS: Readonly<Record<string, LocalizedMessage>> = {
  workday: m("个工作日", "working days"),
  day: m("天", "days"),
  hour: m("小时", "hours"),
};

/** Change classes, as a reader calls them. */
export const CLASS_LABELS: Readonly<Record<ChangeClass, LocalizedMessage>> = {
  breaking: m("不兼容", "breaking"),
  "potentially-breaking": m("需关注", "potentially breaking"),
  "non-breaking": m("兼容", "non-breaking"),
};

/** Version bumps, as a reader calls them. */
export const IMPACT_LABELS: Readonly<Record<DiffImpact, LocalizedMessage>> = {
  major: m("主版本号（major）", "major"),
  minor: m("次版本号（minor）", "minor"),
  patch: m("修订号（patch）", "patch"),
  none: m("无需升级", "none"),
};

/** Picks the text of a message in `lang`, falling back to the other language when empty. */
export function pick(message: LocalizedMessage, lang: Lang): string {
  const text = message[lang];
  return text === "" ? (lang === "zh" ? message.en : message.zh) : text;
}
