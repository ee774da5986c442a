import type { LocalizedMessage } from "@onething/schemas";
import type { FieldSpec } from "./model.js";

const opt = (value: string, zh: string, en: string) => ({ value, label: { zh, en } });
const section = (zh: string, en: string): LocalizedMessage => ({ zh, en });

const SUBJECTS = [opt("enterprise", "经营主体", "Business entity"), opt("individual", "个人", "Individual"), opt("project", "工程建设项目", "Construction project")];
const STATUSES = [opt("planned", "计划中", "planned"), opt("in-progress", "推进中", "in progress"), opt("landed", "已落地", "landed"), opt("verified", "已核验", "verified"), opt("retired", "已退出", "retired")];
const UNITS = [opt("workday", "工作日", "working days"), opt("day", "自然日", "days"), opt("hour", "小时", "hours")];
const CONFIDENCES = [opt("verified", "已核实", "verified"), opt("partial", "部分核实", "partial"), opt("unverified", "待核实", "unverified"), opt("illustrative", "示例", "illustrative")];
const CHANNELS = [opt("online-zone", "线上专区", "online zone"), opt("window", "综合窗口", "window"), opt("mobile", "移动端", "mobile")];
const LOCKABLE = [
  opt("items", "事项组成", "bundled items"),
  opt("steps", "办理环节", "steps"),
  opt("days", "办理时间", "days"),
  opt("materials", "申请材料", "materials"),
  opt("trips", "跑动次数", "trips"),
  opt("formFields", "表单字段", "form fields"),
  opt("promisedTime", "承诺时限", "promised time"),
  opt("owners", "责任部门", "owners"),
];
const NECESSITIES = [opt("required", "必要", "required"), opt("conditional", "容缺或视情形", "conditional")];
const MATERIAL_SOURCES = [opt("applicant", "申请人提供", "applicant"), opt("department", "部门出具", "department"), opt("e-licence", "电子证照", "e-licence"), opt("data-sharing", "数据共享免提交", "data sharing")];
const MATERIAL_FORMS = [opt("original", "原件", "original"), opt("copy", "复印件", "copy"), opt("electronic", "电子件", "electronic")];
const ROLES = [opt("required", "必办", "required"), opt("conditional", "视情办理", "conditional")];

/** The five numbers of a reduction ("四减") metric, as form rows under `path` (labelled e.g. 环节·改革前 under the 四减指标 heading). */
function metricFields(path: readonly string[], zh: string, en: string, heading: LocalizedMessage): FieldSpec[] {
  return [
    { path: [...path, "before"], label: { zh: `${zh}·改革前`, en: `${en} before` }, kind: "number", section: heading },
    { path: [...path, "after"], label: { zh: `${zh}·改革后`, en: `${en} after` }, kind: "number", section: heading },
    { path: [...path, "target"], label: { zh: `${zh}·目标`, en: `${en} target` }, kind: "number", section: heading },
    { path: [...path, "publishedReduction"], label: { zh: `${zh}·压减%`, en: `${en} cut %` }, kind: "number", section: heading },
    { path: [...path, "source"], label: { zh: `${zh}·出处`, en: `${en} source` }, kind: "text", section: heading },
  ];
}

const METRICS = section("四减指标", "Reductions");
const ONE_STOP = section("五个一", "One-stop flags");
const SMART = section("智能服务", "Smart services");
const BASIC = section("基本信息", "Basics");

/**
 * The editable fields of a matter, in form order. The first rows are those staff edit most; nested
 * objects (promised time, owners, metrics, one-stop flags, smart services) are flattened into rows
 * under a section heading. Materials, steps, bundled items and sources are tree nodes of their own.
 */
export const MATTER_FIELDS: readonly FieldSpec[] = [
  { path: ["name", "zh"], label: { zh: "名称", en: "Name" }, kind: "text" },
  { path: ["name", "en"], label: { zh: "英文名称", en: "English name" }, kind: "text" },
  { path: ["shortName"], label: { zh: "简称", en: "Short name" }, kind: "text" },
  { path: ["subject"], label: { zh: "主体", en: "Subject" }, kind: "enum", options: SUBJECTS },
  { path: ["stage"], label: { zh: "阶段", en: "Stage" }, kind: "ref", refs: "stages" },
  { path: ["status"], label: { zh: "状态", en: "Status" }, kind: "enum", options: STATUSES },
  { path: ["dueDate"], label: { zh: "完成期限", en: "Due date" }, kind: "date" },
  { path: ["promisedTime", "value"], label: { zh: "承诺时限", en: "Promised time" }, kind: "number" },
  { path: ["promisedTime", "unit"], label: { zh: "时限单位", en: "Time unit" }, kind: "enum", options: UNITS },
  { path: ["promisedTime", "note"], label: { zh: "时限说明", en: "Time note" }, kind: "text" },
  { path: ["owners", "leader"], label: { zh: "牵头领导", en: "Leader" }, kind: "text" },
  { path: ["owners", "lead"], label: { zh: "牵头部门", en: "Lead department" }, kind: "ref", refs: "departments" },
  { path: ["owners", "partners"], label: { zh: "配合部门", en: "Partners" }, kind: "list", entry: { kind: "ref", refs: "departments" } },
  { path: ["confidence"], label: { zh: "可信度", en: "Confidence" }, kind: "enum", options: CONFIDENCES },
  { path: ["note"], label: { zh: "备注", en: "Note" }, kind: "text" },
  { path: ["id"], label: { zh: "标识", en: "Id" }, kind: "text", section: BASIC },
  { path: ["formerIds"], label: { zh: "曾用标识", en: "Former ids" }, kind: "list", entry: { kind: "text" }, section: BASIC },
  { path: ["batches"], label: { zh: "所属批次", en: "Batches" }, kind: "list", entry: { kind: "ref", refs: "batches" }, section: BASIC },
  { path: ["channels"], label: { zh: "办理渠道", en: "Channels" }, kind: "list", entry: { kind: "enum", options: CHANNELS }, section: BASIC },
  { path: ["locked"], label: { zh: "锁定字段", en: "Locked fields" }, kind: "list", entry: { kind: "enum", options: LOCKABLE }, section: BASIC },
  ...metricFields(["metrics", "steps"], "环节", "Steps", METRICS),
  ...metricFields(["metrics", "days"], "天数", "Days", METRICS),
  ...metricFields(["metrics", "materials"], "材料", "Materials", METRICS),
  ...metricFields(["metrics", "trips"], "跑动", "Trips", METRICS),
  ...metricFields(["metrics", "formFields"], "表单", "Form fields", METRICS),
  { path: ["oneStop", "notice"], label: { zh: "一次告知", en: "One notice" }, kind: "boolean", section: ONE_STOP },
  { path: ["oneStop", "form"], label: { zh: "一表申请", en: "One form" }, kind: "boolean", section: ONE_STOP },
  { path: ["oneStop", "materials"], label: { zh: "一套材料", en: "One material set" }, kind: "boolean", section: ONE_STOP },
  { path: ["oneStop", "window"], label: { zh: "一窗受理", en: "One window" }, kind: "boolean", section: ONE_STOP },
  { path: ["oneStop", "online"], label: { zh: "一网办理", en: "Online" }, kind: "boolean", section: ONE_STOP },
  { path: ["smart", "prefillRate"], label: { zh: "智能预填%", en: "Prefill %" }, kind: "number", section: SMART },
  { path: ["smart", "submissionFreeRate"], label: { zh: "免提交%", en: "Submit-free %" }, kind: "number", section: SMART },
  { path: ["smart", "firstPassRateChange"], label: { zh: "通过率变化", en: "1st-pass change" }, kind: "number", section: SMART },
  ...metricFields(["smart", "applicationMinutes"], "用时", "Minutes", SMART),
];

/** The editable fields of a bundled item, in form order. */
export const ITEM_FIELDS: readonly FieldSpec[] = [
  { path: ["ref"], label: { zh: "事项", en: "Item" }, kind: "ref", refs: "items" },
  { path: ["role"], label: { zh: "办理要求", en: "Role" }, kind: "enum", options: ROLES },
  { path: ["note"], label: { zh: "备注", en: "Note" }, kind: "text" },
];

/** The editable fields of a material of the unified material set (一套材料). */
export const MATERIAL_FIELDS: readonly FieldSpec[] = [
  { path: ["name", "zh"], label: { zh: "材料名称", en: "Name" }, kind: "text" },
  { path: ["name", "en"], label: { zh: "英文名称", en: "English name" }, kind: "text" },
  { path: ["id"], label: { zh: "标识", en: "Id" }, kind: "text" },
  { path: ["necessity"], label: { zh: "必要性", en: "Necessity" }, kind: "enum", options: NECESSITIES },
  { path: ["condition"], label: { zh: "提交情形", en: "Condition" }, kind: "text" },
  { path: ["source"], label: { zh: "材料来源", en: "Source" }, kind: "enum", options: MATERIAL_SOURCES },
  { path: ["form"], label: { zh: "材料形式", en: "Forms" }, kind: "list", entry: { kind: "enum", options: MATERIAL_FORMS } },
  { path: ["copies"], label: { zh: "份数", en: "Copies" }, kind: "number" },
];

/** The editable fields of a step of the process. */
export const STEP_FIELDS: readonly FieldSpec[] = [
  { path: ["name", "zh"], label: { zh: "环节名称", en: "Name" }, kind: "text" },
  { path: ["name", "en"], label: { zh: "英文名称", en: "English name" }, kind: "text" },
  { path: ["department"], label: { zh: "负责部门", en: "Department" }, kind: "ref", refs: "departments" },
];

/** The editable fields of a source (a document number or a page). */
export const SOURCE_FIELDS: readonly FieldSpec[] = [
  { path: ["title"], label: { zh: "文号或标题", en: "Title" }, kind: "text" },
  { path: ["url"], label: { zh: "链接", en: "URL" }, kind: "text" },
  { path: ["date"], label: { zh: "发布日期", en: "Date" }, kind: "date" },
  { path: ["note"], label: { zh: "备注", en: "Note" }, kind: "text" },
];
