/* eslint-disable */
/**
 * Generated from schemas/v1 by packages/schemas/scripts/generate-types.mjs. Do not edit by hand:
 * change the schemas, then run `npm run generate -w @onething/schemas`.
 */

/**
 * Any document of the onething data standard v1.
 */
export type OnethingDocument =
  | TaxonomyDocument
  | DepartmentRegistryDocument
  | ItemCatalogDocument
  | ChecklistDocument
  | ProgressDocument
  | EvaluationDocument;
/**
 * 文档标识：小写、点或连字符分隔，永久稳定，全库唯一 · Document id: lowercase, dotted or hyphenated, stable forever, unique across the repository
 */
export type DocumentId = string;
/**
 * 语义化版本号 · A semantic version (MAJOR.MINOR.PATCH)
 */
export type Semver = string;
/**
 * 行政层级 · Administrative level
 */
export type JurisdictionLevel = "national" | "provincial" | "municipal" | "county";
/**
 * 日期 YYYY-MM-DD 或 YYYY-MM · A date, YYYY-MM-DD or YYYY-MM when the day is unknown
 */
export type PartialDate = string;
/**
 * 可信度 · How sure the data is
 */
export type Confidence = "verified" | "partial" | "unverified" | "illustrative";
/**
 * 服务主体 · Subject whose lifecycle the matter belongs to
 */
export type Subject = "enterprise" | "individual" | "project";
/**
 * 生命周期阶段标识（分类表中该主体的阶段）· Lifecycle stage id (a stage of the subject in the Taxonomy)
 */
export type StageId = string;
/**
 * 部门标识，以 dept. 开头 · Department id, starting with dept.
 */
export type DepartmentRef = string;
/**
 * 政务服务事项标识，以 item. 开头 · Service-item id, starting with item.
 */
export type ItemRef = string;
/**
 * 事项类型 · Item type
 */
export type ItemType =
  | "licence"
  | "confirmation"
  | "payment"
  | "levy"
  | "reward"
  | "adjudication"
  | "other-power"
  | "public-service";
/**
 * 办理渠道 · Service channel
 */
export type Channel = "online-zone" | "window" | "mobile";
/**
 * 一件事标识：小写字母数字，连字符分隔，在清单内唯一 · Matter id: lowercase letters and digits separated by hyphens, unique within its checklist
 */
export type MatterId = string;
/**
 * 日期 YYYY-MM-DD · A calendar date, YYYY-MM-DD
 */
export type FullDate = string;

/**
 * 生命周期分类表：主体及其有序阶段 · Lifecycle taxonomy: subjects and their ordered stages
 */
export interface TaxonomyDocument {
  /**
   * 数据标准版本 · The version of the data standard
   */
  apiVersion: "onething/v1";
  /**
   * 文档类型 · The document kind: Taxonomy (分类表 · lifecycle taxonomy)
   */
  kind: "Taxonomy";
  /**
   * 文档元数据 · Metadata of the document: id, title, version, jurisdiction, sources
   */
  metadata: Metadata;
  spec: TaxonomySpec;
}
/**
 * 文档元数据 · Metadata of a document
 */
export interface Metadata {
  /**
   * 文档标识：小写、点或连字符分隔，永久稳定，全库唯一 · Document id: lowercase, dotted or hyphenated, stable forever, unique across the repository
   */
  id: DocumentId;
  /**
   * 文档标题 · Title of the document
   */
  title: LocalizedText;
  /**
   * 文档版本（语义化版本），数据每次变更都要提升 · Version of the document (semver), raised on every change of its data
   */
  version: Semver;
  /**
   * 文档所属管辖区域 · Whose document it is
   */
  jurisdiction?: Jurisdiction;
  /**
   * 文档说明 · Description of the document
   */
  description?: LocalizedText;
  /**
   * 来源 · Sources of the document
   */
  sources?: Source[];
  /**
   * 文档整体的可信度 · Confidence of the document as a whole; a matter's own confidence wins
   */
  confidence?: Confidence;
}
/**
 * 中英文文本，中文必填 · A text in Chinese (required, authoritative) and English
 */
export interface LocalizedText {
  /**
   * 中文（必填，权威文本）· Chinese text, required and non-empty
   */
  zh: string;
  /**
   * 英文（可选）· English text, optional
   */
  en?: string;
}
/**
 * 管辖区域 · The jurisdiction a document or department belongs to
 */
export interface Jurisdiction {
  /**
   * 行政层级 · Administrative level
   */
  level: JurisdictionLevel;
  /**
   * 行政区划代码（GB/T 2260，6 位；100000 表示全国）· Administrative division code (GB/T 2260, 6 digits; 100000 = the whole country)
   */
  division: string;
  /**
   * 区域名称 · Name of the jurisdiction
   */
  name?: LocalizedText;
}
/**
 * 来源：文号或网页 · Where a fact comes from: a document number (文号) or a page
 */
export interface Source {
  /**
   * 文号或页面标题 · Document number (文号) or page title
   */
  title: string;
  /**
   * 链接，仅限 http(s) · Link, http(s) only
   */
  url?: string;
  /**
   * 发布日期 YYYY-MM-DD 或 YYYY-MM · Publication date, YYYY-MM-DD or YYYY-MM
   */
  date?: PartialDate;
  /**
   * 备注 · Note
   */
  note?: string;
}
/**
 * 分类表内容 · Content of the taxonomy
 */
export interface TaxonomySpec {
  /**
   * 主体及其生命周期 · Subjects and their lifecycles
   */
  subjects: SubjectLifecycle[];
  /**
   * 来源 · Sources of the taxonomy
   */
  sources?: Source[];
}
/**
 * 一个主体的生命周期 · The lifecycle of one subject
 */
export interface SubjectLifecycle {
  /**
   * 主体 · Subject
   */
  id: Subject;
  /**
   * 主体名称 · Name of the subject
   */
  name: LocalizedText;
  /**
   * 有序的生命周期阶段 · Ordered lifecycle stages
   */
  stages: Stage[];
}
/**
 * 生命周期阶段 · A lifecycle stage
 */
export interface Stage {
  /**
   * 阶段标识，在主体内唯一 · Stage id, unique within the subject
   */
  id: StageId;
  /**
   * 阶段名称 · Name of the stage
   */
  name: LocalizedText;
  /**
   * 阶段说明 · Description of the stage
   */
  description?: LocalizedText;
  /**
   * 旧分类中的别名（如 2022 年分类）· Names of this stage in older taxonomies (e.g. 2022)
   */
  aliases?: StageAlias[];
}
/**
 * 阶段在旧分类中的名称 · A name of the stage in an older taxonomy
 */
export interface StageAlias {
  /**
   * 旧分类中的中文名称 · Chinese name in the older taxonomy
   */
  zh: string;
  /**
   * 旧分类的版本，如 "2022" · Which taxonomy the name comes from, e.g. "2022"
   */
  taxonomy: string;
  /**
   * 备注 · Note
   */
  note?: string;
}
/**
 * 部门名录 · Department registry
 */
export interface DepartmentRegistryDocument {
  /**
   * 数据标准版本 · The version of the data standard
   */
  apiVersion: "onething/v1";
  /**
   * 文档类型 · The document kind: DepartmentRegistry (部门名录 · department registry)
   */
  kind: "DepartmentRegistry";
  /**
   * 文档元数据 · Metadata of the document: id, title, version, jurisdiction, sources
   */
  metadata: Metadata;
  spec: DepartmentRegistrySpec;
}
/**
 * 部门名录内容 · Content of the department registry
 */
export interface DepartmentRegistrySpec {
  /**
   * 部门 · Departments
   */
  departments: Department[];
}
/**
 * 部门 · A government department
 */
export interface Department {
  /**
   * 部门标识，以 dept. 开头 · Department id, starting with dept.
   */
  id: DepartmentRef;
  /**
   * 部门名称 · Name of the department
   */
  name: LocalizedText;
  /**
   * 部门简称 · Short name of the department
   */
  shortName?: LocalizedText;
  /**
   * 行政层级 · Administrative level
   */
  level: JurisdictionLevel;
  /**
   * 行政区划代码（GB/T 2260，6 位）· Administrative division code (GB/T 2260, 6 digits)
   */
  division?: string;
  /**
   * 统一社会信用代码（18 位，由规则 credit-code-format 校验）· Unified social credit code (18 characters, checked by the rule credit-code-format)
   */
  creditCode?: string;
  /**
   * 上级部门 · Parent department
   */
  parent?: DepartmentRef;
  /**
   * 可信度 · How sure the entry is
   */
  confidence?: Confidence;
  /**
   * 来源 · Sources
   */
  sources?: Source[];
}
/**
 * 政务服务事项目录 · Government service item catalogue
 */
export interface ItemCatalogDocument {
  /**
   * 数据标准版本 · The version of the data standard
   */
  apiVersion: "onething/v1";
  /**
   * 文档类型 · The document kind: ItemCatalog (事项目录 · service item catalogue)
   */
  kind: "ItemCatalog";
  /**
   * 文档元数据 · Metadata of the document: id, title, version, jurisdiction, sources
   */
  metadata: Metadata;
  spec: ItemCatalogSpec;
}
/**
 * 事项目录内容 · Content of the item catalogue
 */
export interface ItemCatalogSpec {
  /**
   * 政务服务事项 · Service items
   */
  items: ServiceItem[];
}
/**
 * 政务服务事项 · A government service item
 */
export interface ServiceItem {
  /**
   * 事项标识，以 item. 开头 · Item id, starting with item.
   */
  id: ItemRef;
  /**
   * 事项名称 · Name of the item
   */
  name: LocalizedText;
  /**
   * 基本编码（由规则 basic-code-format 校验）· Basic code (基本编码), checked by the rule basic-code-format
   */
  basicCode?: string;
  /**
   * 实施编码 · Implementation code (实施编码)
   */
  implementationCode?: string;
  type?: ItemType;
  /**
   * 主管部门 · Competent department
   */
  department: DepartmentRef;
  /**
   * 设定依据 · Legal basis
   *
   * Items: 法律法规条款 · A law, regulation or article
   */
  legalBasis?: string[];
  /**
   * 法定办结时限 · Legal time limit
   */
  legalTime?: Duration;
  /**
   * 承诺办结时限，不超过法定时限 · Promised time limit, at most the legal time limit
   */
  promisedTime?: Duration;
  /**
   * 到办事现场次数 · Trips to the service site, at least 0
   */
  trips?: number;
  /**
   * 收费情况 · Fees
   */
  fee?: Fee;
  /**
   * 办理渠道 · Service channels
   */
  channels?: Channel[];
  /**
   * 申请材料 · Application materials
   */
  materials?: Material[];
  /**
   * 可信度 · How sure the entry is
   */
  confidence?: Confidence;
  /**
   * 来源 · Sources
   */
  sources?: Source[];
  /**
   * 备注 · Note
   */
  note?: string;
}
/**
 * 时限：数值和单位 · A time limit: a value and a unit
 */
export interface Duration {
  /**
   * 数值 · Value, at least 0
   */
  value: number;
  /**
   * 单位 · Unit
   */
  unit: "workday" | "day" | "hour";
  /**
   * 说明，如“不含制卡和邮寄时间” · Note, e.g. what the limit excludes
   */
  note?: string;
}
/**
 * 收费情况 · Whether and how the item is charged
 */
export interface Fee {
  /**
   * 是否收费 · Whether a fee is charged
   */
  charged: boolean;
  /**
   * 收费说明 · Note on the fee
   */
  note?: string;
}
/**
 * 申请材料 · An application material
 */
export interface Material {
  /**
   * 材料标识，在清单内唯一 · Material id, unique within its list
   */
  id: MatterId;
  /**
   * 材料名称 · Name of the material
   */
  name: LocalizedText;
  /**
   * 必要性 · Whether the material is always needed
   */
  necessity: "required" | "conditional";
  /**
   * 需提交的情形 · When a conditional material is needed
   */
  condition?: string;
  /**
   * 材料来源 · Where the material comes from
   */
  source: "applicant" | "department" | "e-licence" | "data-sharing";
  /**
   * 材料形式 · Forms in which the material is accepted
   *
   * Items: 材料形式 · Form of the material
   */
  form?: ("original" | "copy" | "electronic")[];
  /**
   * 份数 · Number of copies, at least 1
   */
  copies?: number;
}
/**
 * 重点事项清单（总体、年度批次或地方）· Key-matter checklist (total, annual batch or local)
 */
export interface ChecklistDocument {
  /**
   * 数据标准版本 · The version of the data standard
   */
  apiVersion: "onething/v1";
  /**
   * 文档类型 · The document kind: Checklist (清单 · checklist)
   */
  kind: "Checklist";
  /**
   * 文档元数据 · Metadata of the document: id, title, version, jurisdiction, sources
   */
  metadata: Metadata;
  spec: ChecklistSpec;
}
/**
 * 清单内容 · Content of the checklist
 */
export interface ChecklistSpec {
  /**
   * 清单范围 · Scope of the list
   */
  scope: "total" | "annual" | "local";
  /**
   * 年度批次，scope 为 annual 时必填 · Annual batch, required when scope is annual
   */
  batch?: BatchKey;
  /**
   * 来源公布的事项数 · Number of matters the source says the list has
   */
  declaredCount?: number;
  /**
   * 继承的上级清单 · Base lists this list extends
   */
  extends?: ExtendsEntry[];
  /**
   * 本地不适用的上级事项 · Base matters that do not apply locally
   */
  notApplicable?: NotApplicableEntry[];
  /**
   * 按标识修改上级事项 · Changes to base matters, by id
   */
  patches?: MatterPatch[];
  /**
   * 本清单的事项 · The matters of this list
   */
  matters: Matter[];
}
/**
 * 年度批次，如 2024 年度第一批 · An annual batch, e.g. 2024 batch 1
 */
export interface BatchKey {
  /**
   * 年度 · Year
   */
  year: number;
  /**
   * 当年第几批（从 1 起）· Sequence of the batch within the year, from 1
   */
  seq: number;
}
/**
 * 继承的上级清单 · A base list this list extends
 */
export interface ExtendsEntry {
  /**
   * 上级清单的文档标识 · Document id of the base list
   */
  checklist: DocumentId;
  /**
   * 只继承这些事项 · Inherit only these matters
   */
  select?: MatterId[];
  /**
   * 不继承这些事项 · Do not inherit these matters
   */
  exclude?: MatterId[];
}
/**
 * 本地不适用的上级事项 · A base matter that does not apply locally
 */
export interface NotApplicableEntry {
  /**
   * 上级事项标识 · Id of the base matter
   */
  matter: MatterId;
  /**
   * 不适用原因 · Why it does not apply
   */
  reason: LocalizedText;
  /**
   * 不适用依据 · Basis for not applying
   */
  basis?: "national-level" | "provincial-level" | "not-present" | "other";
}
/**
 * 按标识修改上级事项 · A change to a base matter, by id
 */
export interface MatterPatch {
  /**
   * 上级事项标识 · Id of the base matter
   */
  matter: MatterId;
  /**
   * 要设置的字段（除 id 外均可）· Fields to set (any matter field except id)
   */
  set: MatterChanges;
}
/**
 * 事项字段的部分修改（不含 id）· A partial set of matter fields (without id)
 */
export interface MatterChanges {
  /**
   * 曾用标识（用于跨版本对应）· Former ids, to follow the matter across versions
   */
  formerIds?: MatterId[];
  /**
   * 事项名称 · Name of the matter
   */
  name?: LocalizedText;
  /**
   * 简称，如“个转企” · Short name, e.g. 个转企
   */
  shortName?: string;
  /**
   * 服务主体 · Subject
   */
  subject?: Subject;
  /**
   * 生命周期阶段（分类表中该主体的阶段）· Lifecycle stage (a stage of the subject in the Taxonomy)
   */
  stage?: StageId;
  /**
   * 所属年度批次 · Annual batches the matter belongs to
   */
  batches?: BatchKey[];
  /**
   * 责任部门：牵头部门和配合部门 · Owners: lead and cooperating departments
   */
  owners?: Owners;
  /**
   * 集成的政务服务事项 · Bundled service items
   */
  items?: MatterItem[];
  /**
   * 统一的一套材料 · The unified material set (一套材料)
   */
  materials?: Material[];
  /**
   * 办理环节 · Steps of the process
   */
  steps?: MatterStep[];
  /**
   * 办理渠道 · Service channels
   */
  channels?: Channel[];
  /**
   * 承诺办结时限 · Promised time limit
   */
  promisedTime?: Duration;
  /**
   * “四减”指标 · The four reductions and form fields, before vs after
   */
  metrics?: Metrics;
  /**
   * “五个一”落实情况 · The five 'one' conformance flags
   */
  oneStop?: OneStop;
  /**
   * 智能服务指标 · Smart-service rates
   */
  smart?: SmartServices;
  /**
   * 落地状态 · Implementation status
   */
  status?: "planned" | "in-progress" | "landed" | "verified" | "retired";
  /**
   * 完成期限 YYYY-MM-DD · Due date, YYYY-MM-DD
   */
  dueDate?: FullDate;
  /**
   * 下级清单不得弱化的字段 · Fields a list extending this one may not weaken
   *
   * Items: 可锁定字段 · Lockable field
   */
  locked?: ("items" | "steps" | "days" | "materials" | "trips" | "formFields" | "promisedTime" | "owners")[];
  /**
   * 可信度 · How sure the entry is
   */
  confidence?: Confidence;
  /**
   * 来源 · Sources
   */
  sources?: Source[];
  /**
   * 备注 · Note
   */
  note?: string;
}
/**
 * 责任部门 · Owners of the matter
 */
export interface Owners {
  /**
   * 牵头领导（地方“1+1+N”中的 1 位市领导）· Leader in charge (the city leader of a local 1+1+N)
   */
  leader?: string;
  /**
   * 牵头部门 · Lead department
   */
  lead: DepartmentRef;
  /**
   * 配合部门 · Cooperating departments
   */
  partners?: DepartmentRef[];
}
/**
 * 集成的政务服务事项 · A service item bundled into the matter
 */
export interface MatterItem {
  /**
   * 事项目录中的事项标识 · Item id in the item catalogue
   */
  ref: ItemRef;
  /**
   * 在一件事中的作用 · Role in the matter
   */
  role?: "required" | "conditional";
  /**
   * 备注 · Note
   */
  note?: string;
}
/**
 * 办理环节 · A step of the process
 */
export interface MatterStep {
  /**
   * 环节名称 · Name of the step
   */
  name: LocalizedText;
  /**
   * 负责部门 · Department responsible for the step
   */
  department?: DepartmentRef;
}
/**
 * “四减”指标 · The four reductions and form fields
 */
export interface Metrics {
  /**
   * 办理环节数 · Number of steps
   */
  steps?: Metric;
  /**
   * 办理时间（天）· Processing time in days
   */
  days?: Metric;
  /**
   * 申请材料数 · Number of materials
   */
  materials?: Metric;
  /**
   * 跑动次数 · Number of trips
   */
  trips?: Metric;
  /**
   * 表单字段数 · Number of form fields
   */
  formFields?: Metric;
}
/**
 * “减”的指标：改革前后对比 · One of the reductions, before vs after
 */
export interface Metric {
  /**
   * 改革前数值 · Value before the reform, at least 0
   */
  before?: number;
  /**
   * 改革后（已实现或承诺）数值 · Value after the reform (achieved or promised), at least 0
   */
  after?: number;
  /**
   * 目标值（尚未实现）· Target value not yet reached, at least 0
   */
  target?: number;
  /**
   * 公开发布的压减百分比（无前后数值时）· Published reduction in percent (0–100), when the pair is unknown
   */
  publishedReduction?: number;
  /**
   * 数据出处 · Where the figure comes from
   */
  source?: string;
}
/**
 * “五个一”：一次告知、一表申请、一套材料、一窗（端）受理、一网办理 · The five 'one' flags
 */
export interface OneStop {
  /**
   * 一次告知 · One-time notice
   */
  notice?: boolean;
  /**
   * 一表申请 · One application form
   */
  form?: boolean;
  /**
   * 一套材料 · One set of materials
   */
  materials?: boolean;
  /**
   * 一窗（端）受理 · One window (or portal) accepts it
   */
  window?: boolean;
  /**
   * 一网办理 · Handled on one network platform
   */
  online?: boolean;
}
/**
 * 智能服务指标（百分比）· Smart-service rates, in percent
 */
export interface SmartServices {
  /**
   * 智能预填比例 · Share of fields pre-filled, in percent
   */
  prefillRate?: number;
  /**
   * 免提交材料比例 · Share of materials the applicant need not submit, in percent
   */
  submissionFreeRate?: number;
  /**
   * 一次通过率变化（百分点）· Change of the first-pass approval rate, in percentage points
   */
  firstPassRateChange?: number;
  /**
   * 申报用时（分钟）· Application time in minutes
   */
  applicationMinutes?: Metric;
}
/**
 * 一件事 · A key matter (一件事)
 */
export interface Matter {
  /**
   * 事项标识，在清单内唯一 · Matter id, unique within its checklist
   */
  id: MatterId;
  /**
   * 曾用标识（用于跨版本对应）· Former ids, to follow the matter across versions
   */
  formerIds?: MatterId[];
  /**
   * 事项名称 · Name of the matter
   */
  name: LocalizedText;
  /**
   * 简称，如“个转企” · Short name, e.g. 个转企
   */
  shortName?: string;
  /**
   * 服务主体 · Subject
   */
  subject: Subject;
  /**
   * 生命周期阶段（分类表中该主体的阶段）· Lifecycle stage (a stage of the subject in the Taxonomy)
   */
  stage: StageId;
  /**
   * 所属年度批次 · Annual batches the matter belongs to
   */
  batches?: BatchKey[];
  /**
   * 责任部门：牵头部门和配合部门 · Owners: lead and cooperating departments
   */
  owners?: Owners;
  /**
   * 集成的政务服务事项 · Bundled service items
   */
  items?: MatterItem[];
  /**
   * 统一的一套材料 · The unified material set (一套材料)
   */
  materials?: Material[];
  /**
   * 办理环节 · Steps of the process
   */
  steps?: MatterStep[];
  /**
   * 办理渠道 · Service channels
   */
  channels?: Channel[];
  /**
   * 承诺办结时限 · Promised time limit
   */
  promisedTime?: Duration;
  /**
   * “四减”指标 · The four reductions and form fields, before vs after
   */
  metrics?: Metrics;
  /**
   * “五个一”落实情况 · The five 'one' conformance flags
   */
  oneStop?: OneStop;
  /**
   * 智能服务指标 · Smart-service rates
   */
  smart?: SmartServices;
  /**
   * 落地状态 · Implementation status
   */
  status?: "planned" | "in-progress" | "landed" | "verified" | "retired";
  /**
   * 完成期限 YYYY-MM-DD · Due date, YYYY-MM-DD
   */
  dueDate?: FullDate;
  /**
   * 下级清单不得弱化的字段 · Fields a list extending this one may not weaken
   *
   * Items: 可锁定字段 · Lockable field
   */
  locked?: ("items" | "steps" | "days" | "materials" | "trips" | "formFields" | "promisedTime" | "owners")[];
  /**
   * 可信度 · How sure the entry is
   */
  confidence: Confidence;
  /**
   * 来源 · Sources
   */
  sources?: Source[];
  /**
   * 备注 · Note
   */
  note?: string;
}
/**
 * 对账销号台账 · Tick-off ledger of one jurisdiction against a checklist
 */
export interface ProgressDocument {
  /**
   * 数据标准版本 · The version of the data standard
   */
  apiVersion: "onething/v1";
  /**
   * 文档类型 · The document kind: Progress (对账销号台账 · progress ledger)
   */
  kind: "Progress";
  /**
   * 文档元数据 · Metadata of the document: id, title, version, jurisdiction, sources
   */
  metadata: Metadata;
  spec: ProgressSpec;
}
/**
 * 台账内容 · Content of the ledger
 */
export interface ProgressSpec {
  /**
   * 对账的清单及版本 · The list this ledger ticks off, pinned to a version
   */
  checklist: ChecklistPin;
  /**
   * 台账截止日期 YYYY-MM-DD · Date the ledger reflects, YYYY-MM-DD
   */
  asOf: FullDate;
  /**
   * 逐事项进展 · Progress per matter
   */
  entries: ProgressEntry[];
}
/**
 * 清单及其版本 · A checklist pinned to a version
 */
export interface ChecklistPin {
  /**
   * 清单的文档标识 · Document id of the checklist
   */
  id: DocumentId;
  /**
   * 清单版本 · Version of the checklist
   */
  version: Semver;
}
/**
 * 一个事项的进展 · Progress of one matter
 */
export interface ProgressEntry {
  /**
   * 事项标识 · Matter id
   */
  matter: MatterId;
  /**
   * 进展状态 · Status
   */
  status: "planned" | "in-progress" | "landed" | "verified" | "not-applicable" | "awaiting-plan";
  /**
   * 达到该状态的日期 · Date the status was reached
   */
  since?: PartialDate;
  /**
   * 完成期限 YYYY-MM-DD · Due date, YYYY-MM-DD
   */
  dueDate?: FullDate;
  /**
   * 原因说明 · Reason for the status
   */
  reason?: LocalizedText;
  /**
   * 佐证材料 · Evidence
   */
  evidence?: Source[];
  /**
   * 备注 · Note
   */
  note?: string;
  /**
   * 可信度 · How sure the entry is
   */
  confidence?: Confidence;
}
/**
 * 评价：指标定义和逐事项结果 · Evaluation: indicator definitions and measured results per matter
 */
export interface EvaluationDocument {
  /**
   * 数据标准版本 · The version of the data standard
   */
  apiVersion: "onething/v1";
  /**
   * 文档类型 · The document kind: Evaluation (评价 · evaluation)
   */
  kind: "Evaluation";
  /**
   * 文档元数据 · Metadata of the document: id, title, version, jurisdiction, sources
   */
  metadata: Metadata;
  spec: EvaluationSpec;
}
/**
 * 评价内容 · Content of the evaluation
 */
export interface EvaluationSpec {
  /**
   * 评价周期 · Period the evaluation covers
   */
  period: Period;
  /**
   * 指标定义 · Indicator definitions
   */
  indicators: Indicator[];
  /**
   * 逐事项评价结果 · Results per matter
   */
  results: EvaluationResult[];
}
/**
 * 评价周期 · A period
 */
export interface Period {
  /**
   * 开始日期 · Start date, YYYY-MM-DD or YYYY-MM
   */
  from: PartialDate;
  /**
   * 结束日期 · End date, YYYY-MM-DD or YYYY-MM
   */
  to: PartialDate;
}
/**
 * 评价指标 · An evaluation indicator
 */
export interface Indicator {
  /**
   * 指标标识 · Indicator id
   */
  id: string;
  /**
   * 指标名称 · Name of the indicator
   */
  name: LocalizedText;
  /**
   * 指标维度，如“办事效率” · Dimension the indicator belongs to
   */
  dimension: string;
  /**
   * 权重 · Weight, at least 0
   */
  weight?: number;
  /**
   * 计量单位 · Unit of measurement
   */
  unit?: string;
  /**
   * 指标方向 · Which direction is better
   */
  direction: "higher-better" | "lower-better";
}
/**
 * 一个事项的评价结果 · Measured results of one matter
 */
export interface EvaluationResult {
  /**
   * 清单的文档标识 · Document id of the checklist
   */
  checklist: DocumentId;
  /**
   * 事项标识 · Matter id
   */
  matter: MatterId;
  /**
   * 办件量 · Number of cases handled
   */
  volume?: number;
  /**
   * 好差评五级评价 · Ratings across the five levels of the 好差评 system
   */
  satisfaction?: Satisfaction;
  /**
   * 指标取值 · Indicator values
   */
  values?: IndicatorValue[];
  /**
   * 可信度 · How sure the result is
   */
  confidence?: Confidence;
}
/**
 * 好差评五级评价人数 · Ratings across the five levels
 */
export interface Satisfaction {
  /**
   * 非常满意人数 · Number of 'very satisfied' ratings
   */
  verySatisfied: number;
  /**
   * 满意人数 · Number of 'satisfied' ratings
   */
  satisfied: number;
  /**
   * 基本满意人数 · Number of 'basically satisfied' ratings
   */
  basicallySatisfied: number;
  /**
   * 不满意人数 · Number of 'dissatisfied' ratings
   */
  dissatisfied: number;
  /**
   * 非常不满意人数 · Number of 'very dissatisfied' ratings
   */
  veryDissatisfied: number;
}
/**
 * 指标取值 · The value of one indicator
 */
export interface IndicatorValue {
  /**
   * 指标标识 · Indicator id
   */
  indicator: string;
  /**
   * 取值 · Value
   */
  value: number;
}
