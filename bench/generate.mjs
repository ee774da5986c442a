#!/usr/bin/env node
// Writes a seeded, national-scale corpus of the onething v1 standard into bench/corpus/<variant>/checklists:
// a taxonomy, national department registry and item catalogue, the four national annual lists (42 matters),
// 31 provincial lists extending them and 330 city lists extending their province, with their departments
// and provincial item catalogues: about 25,000 matters in all. Everything is synthetic (confidence:
// illustrative), assembled from realistic parts; the same seed always writes the same bytes.
//
//   node bench/generate.mjs [--seed 20240116] [--variant a|b|both] [--out bench/corpus] [--scale 1]
//
// --scale keeps that share of each province's cities (0.1 makes a quick test corpus; the bench uses 1).
//
// Variant b is variant a plus a seeded set of edits (matters added, removed, renamed with formerIds,
// metrics and owners changed, versions raised), for measuring `onething diff` between two versions.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const HERE = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence on every machine. */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomTools(seed) {
  const next = mulberry32(seed);
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const sample = (list, count) => {
    const copy = [...list];
    const out = [];
    while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
    return out;
  };
  return { next, int, pick, chance, sample };
}

// ---------------------------------------------------------------------------------------------------------
// Parts

/** The 31 provincial divisions of GB/T 2260, their ISO 3166-2:CN slugs and the number of city lists each gets (330 in all). */
const PROVINCES = [
  ["110000", "bj", "北京市", "Beijing", 0], ["120000", "tj", "天津市", "Tianjin", 0], ["130000", "he", "河北省", "Hebei", 11],
  ["140000", "sx", "山西省", "Shanxi", 11], ["150000", "nm", "内蒙古自治区", "Inner Mongolia", 12], ["210000", "ln", "辽宁省", "Liaoning", 14],
  ["220000", "jl", "吉林省", "Jilin", 9], ["230000", "hl", "黑龙江省", "Heilongjiang", 13], ["310000", "sh", "上海市", "Shanghai", 0],
  ["320000", "js", "江苏省", "Jiangsu", 13], ["330000", "zj", "浙江省", "Zhejiang", 11], ["340000", "ah", "安徽省", "Anhui", 16],
  ["350000", "fj", "福建省", "Fujian", 9], ["360000", "jx", "江西省", "Jiangxi", 11], ["370000", "sd", "山东省", "Shandong", 16],
  ["410000", "ha", "河南省", "Henan", 16], ["420000", "hb", "湖北省", "Hubei", 13], ["430000", "hn", "湖南省", "Hunan", 14],
  ["440000", "gd", "广东省", "Guangdong", 21], ["450000", "gx", "广西壮族自治区", "Guangxi", 14], ["460000", "hi", "海南省", "Hainan", 4],
  ["500000", "cq", "重庆市", "Chongqing", 0], ["510000", "sc", "四川省", "Sichuan", 21], ["520000", "gz", "贵州省", "Guizhou", 9],
  ["530000", "yn", "云南省", "Yunnan", 16], ["540000", "xz", "西藏自治区", "Tibet", 7], ["610000", "sn", "陕西省", "Shaanxi", 10],
  ["620000", "gs", "甘肃省", "Gansu", 14], ["630000", "qh", "青海省", "Qinghai", 8], ["640000", "nx", "宁夏回族自治区", "Ningxia", 5],
  ["650000", "xj", "新疆维吾尔自治区", "Xinjiang", 12],
];

/** Syllables city names are assembled from (zh, pinyin). */
const CITY_FIRST = [["东", "Dong"], ["西", "Xi"], ["南", "Nan"], ["北", "Bei"], ["临", "Lin"], ["安", "An"], ["永", "Yong"], ["宁", "Ning"],
  ["长", "Chang"], ["清", "Qing"], ["金", "Jin"], ["白", "Bai"], ["青", "Qing"], ["平", "Ping"], ["新", "Xin"], ["泰", "Tai"], ["兴", "Xing"],
  ["福", "Fu"], ["华", "Hua"], ["德", "De"], ["龙", "Long"], ["云", "Yun"], ["宝", "Bao"], ["嘉", "Jia"], ["昌", "Chang"], ["盛", "Sheng"]];
const CITY_SECOND = [["阳", "yang"], ["州", "zhou"], ["江", "jiang"], ["山", "shan"], ["川", "chuan"], ["原", "yuan"], ["城", "cheng"], ["海", "hai"],
  ["平", "ping"], ["安", "an"], ["丰", "feng"], ["河", "he"], ["溪", "xi"], ["林", "lin"], ["泉", "quan"], ["湖", "hu"], ["峰", "feng"], ["源", "yuan"]];

/** Department functions: key, national id, national name, local name (prefixed by the jurisdiction), English. */
const FUNCTIONS = [
  ["amr", "dept.samr", "国家市场监督管理总局", "市场监督管理局", "Market Regulation"],
  ["ps", "dept.mps", "公安部", "公安厅|公安局", "Public Security"],
  ["hrss", "dept.mohrss", "人力资源和社会保障部", "人力资源和社会保障厅|人力资源和社会保障局", "Human Resources and Social Security"],
  ["hc", "dept.nhc", "国家卫生健康委员会", "卫生健康委员会", "Health Commission"],
  ["hs", "dept.nhsa", "国家医疗保障局", "医疗保障局", "Healthcare Security"],
  ["hud", "dept.mohurd", "住房和城乡建设部", "住房和城乡建设厅|住房和城乡建设局", "Housing and Urban-Rural Development"],
  ["nr", "dept.mnr", "自然资源部", "自然资源厅|自然资源和规划局", "Natural Resources"],
  ["tax", "dept.sta", "国家税务总局", "税务局", "Taxation"],
  ["ca", "dept.mca", "民政部", "民政厅|民政局", "Civil Affairs"],
  ["edu", "dept.moe", "教育部", "教育厅|教育局", "Education"],
  ["tr", "dept.mot", "交通运输部", "交通运输厅|交通运输局", "Transport"],
  ["com", "dept.mofcom", "商务部", "商务厅|商务局", "Commerce"],
  ["ct", "dept.mct", "文化和旅游部", "文化和旅游厅|文化广电和旅游局", "Culture and Tourism"],
  ["ee", "dept.mee", "生态环境部", "生态环境厅|生态环境局", "Ecology and Environment"],
  ["va", "dept.mva", "退役军人事务部", "退役军人事务厅|退役军人事务局", "Veterans Affairs"],
  ["dpf", "dept.cdpf", "中国残疾人联合会", "残疾人联合会", "Disabled Persons' Federation"],
  ["fire", "dept.nfra", "国家消防救援局", "消防救援总队|消防救援支队", "Fire and Rescue"],
  ["gs", "dept.ndrc", "国家发展和改革委员会", "政务服务管理办公室|行政审批服务局", "Government Services"],
  ["hf", "dept.mohurd", "住房和城乡建设部", "住房公积金管理中心", "Housing Provident Fund Centre"],
];
const FUNCTION = new Map(FUNCTIONS.map((entry) => [entry[0], entry]));
const NATIONAL_DEPARTMENTS = [
  ["dept.samr", "国家市场监督管理总局", "State Administration for Market Regulation"],
  ["dept.mps", "公安部", "Ministry of Public Security"],
  ["dept.mohrss", "人力资源和社会保障部", "Ministry of Human Resources and Social Security"],
  ["dept.nhc", "国家卫生健康委员会", "National Health Commission"],
  ["dept.nhsa", "国家医疗保障局", "National Healthcare Security Administration"],
  ["dept.mohurd", "住房和城乡建设部", "Ministry of Housing and Urban-Rural Development"],
  ["dept.mnr", "自然资源部", "Ministry of Natural Resources"],
  ["dept.sta", "国家税务总局", "State Taxation Administration"],
  ["dept.mca", "民政部", "Ministry of Civil Affairs"],
  ["dept.moe", "教育部", "Ministry of Education"],
  ["dept.mot", "交通运输部", "Ministry of Transport"],
  ["dept.mofcom", "商务部", "Ministry of Commerce"],
  ["dept.mct", "文化和旅游部", "Ministry of Culture and Tourism"],
  ["dept.mee", "生态环境部", "Ministry of Ecology and Environment"],
  ["dept.mva", "退役军人事务部", "Ministry of Veterans Affairs"],
  ["dept.cdpf", "中国残疾人联合会", "China Disabled Persons' Federation"],
  ["dept.nfra", "国家消防救援局", "National Fire and Rescue Administration"],
  ["dept.ndrc", "国家发展和改革委员会", "National Development and Reform Commission"],
  ["dept.pbc", "中国人民银行", "People's Bank of China"],
];

/** National service items: zh, en, slug, function, type. */
const ITEMS = [
  ["企业设立登记", "Enterprise establishment registration", "enterprise-establishment-registration", "amr", "confirmation"],
  ["企业变更登记", "Enterprise change registration", "enterprise-change-registration", "amr", "confirmation"],
  ["企业注销登记", "Enterprise deregistration", "enterprise-deregistration", "amr", "confirmation"],
  ["个体工商户登记", "Sole proprietor registration", "sole-proprietor-registration", "amr", "confirmation"],
  ["食品经营许可", "Food business licence", "food-business-licence", "amr", "licence"],
  ["食品生产许可", "Food production licence", "food-production-licence", "amr", "licence"],
  ["药品零售企业许可", "Drug retail licence", "drug-retail-licence", "amr", "licence"],
  ["第二类医疗器械经营备案", "Class II medical device business filing", "medical-device-filing", "amr", "other-power"],
  ["公共场所卫生许可", "Public place hygiene licence", "public-place-hygiene-licence", "hc", "licence"],
  ["医疗机构执业登记", "Medical institution practice registration", "medical-institution-registration", "hc", "licence"],
  ["印章刻制备案", "Seal engraving filing", "seal-engraving-filing", "ps", "other-power"],
  ["旅馆业特种行业许可证核发", "Special trade licence for hotels", "hotel-special-trade-licence", "ps", "licence"],
  ["公众聚集场所投入使用营业前消防安全检查", "Fire safety inspection of public gathering places", "fire-safety-inspection", "fire", "licence"],
  ["户外广告设施设置审批", "Outdoor advertising approval", "outdoor-advertising-approval", "hud", "licence"],
  ["城市建筑垃圾处置核准", "Construction waste disposal approval", "construction-waste-approval", "hud", "licence"],
  ["排污许可", "Pollutant discharge permit", "pollutant-discharge-permit", "ee", "licence"],
  ["建设项目环境影响评价审批", "Environmental impact assessment approval", "eia-approval", "ee", "licence"],
  ["道路运输经营许可", "Road transport business licence", "road-transport-licence", "tr", "licence"],
  ["道路运输证配发", "Road transport certificate of a vehicle", "vehicle-transport-certificate", "tr", "licence"],
  ["出版物零售单位设立", "Publication retail licence", "publication-retail-licence", "ct", "licence"],
  ["娱乐场所经营许可", "Entertainment venue licence", "entertainment-venue-licence", "ct", "licence"],
  ["高危险性体育项目经营许可", "High-risk sports business licence", "high-risk-sports-licence", "ct", "licence"],
  ["旅行社设立许可", "Travel agency licence", "travel-agency-licence", "ct", "licence"],
  ["酒类商品零售经营备案", "Liquor retail filing", "liquor-retail-filing", "com", "other-power"],
  ["对外贸易经营者备案登记", "Foreign trade operator filing", "foreign-trade-filing", "com", "other-power"],
  ["单位参保登记", "Employer social insurance registration", "employer-social-insurance-registration", "hrss", "public-service"],
  ["就业登记", "Employment registration", "employment-registration", "hrss", "public-service"],
  ["失业登记", "Unemployment registration", "unemployment-registration", "hrss", "public-service"],
  ["社会保障卡申领", "Social security card application", "social-security-card", "hrss", "public-service"],
  ["职工基本养老保险待遇申领", "Basic pension claim", "pension-claim", "hrss", "payment"],
  ["劳动合同备案", "Labour contract filing", "labour-contract-filing", "hrss", "other-power"],
  ["招聘登记备案", "Recruitment filing", "recruitment-filing", "hrss", "public-service"],
  ["丧葬补助金申领", "Funeral subsidy claim", "funeral-subsidy", "hrss", "payment"],
  ["住房公积金单位缴存登记", "Housing fund employer registration", "housing-fund-employer-registration", "hf", "public-service"],
  ["住房公积金个人账户设立", "Housing fund personal account", "housing-fund-account", "hf", "public-service"],
  ["住房公积金提取", "Housing fund withdrawal", "housing-fund-withdrawal", "hf", "public-service"],
  ["住房公积金贷款", "Housing fund loan", "housing-fund-loan", "hf", "public-service"],
  ["税务登记信息确认", "Tax registration confirmation", "tax-registration-confirmation", "tax", "confirmation"],
  ["发票领用", "Invoice issuance", "invoice-issuance", "tax", "other-power"],
  ["清税证明", "Tax clearance certificate", "tax-clearance-certificate", "tax", "other-power"],
  ["纳税申报", "Tax filing", "tax-filing", "tax", "levy"],
  ["不动产首次登记", "First real estate registration", "real-estate-registration", "nr", "confirmation"],
  ["不动产转移登记", "Real estate transfer registration", "real-estate-transfer-registration", "nr", "confirmation"],
  ["建设用地规划许可证核发", "Land-use planning permit", "land-use-planning-permit", "nr", "licence"],
  ["建设工程规划许可证核发", "Construction planning permit", "construction-planning-permit", "nr", "licence"],
  ["建筑工程施工许可证核发", "Construction permit", "construction-permit", "hud", "licence"],
  ["建设工程竣工验收备案", "Completion acceptance filing", "completion-acceptance-filing", "hud", "other-power"],
  ["建设工程消防验收", "Fire acceptance of construction works", "fire-acceptance", "hud", "licence"],
  ["建设工程消防设计审查", "Fire design review", "fire-design-review", "hud", "licence"],
  ["供水供电供气过户", "Water, power and gas transfer", "utilities-transfer", "hud", "public-service"],
  ["出生医学证明签发", "Birth medical certificate", "birth-medical-certificate", "hc", "public-service"],
  ["预防接种证办理", "Vaccination certificate", "vaccination-certificate", "hc", "public-service"],
  ["死亡医学证明签发", "Death medical certificate", "death-medical-certificate", "hc", "public-service"],
  ["出生登记", "Birth registration (household)", "hukou-birth-registration", "ps", "confirmation"],
  ["户口迁移", "Household registration transfer", "hukou-transfer", "ps", "confirmation"],
  ["死亡户口注销", "Household deregistration after death", "hukou-cancellation", "ps", "confirmation"],
  ["居住证办理", "Residence permit", "residence-permit", "ps", "public-service"],
  ["居民身份证申领", "Resident identity card", "id-card", "ps", "public-service"],
  ["机动车登记", "Motor vehicle registration", "vehicle-registration", "ps", "confirmation"],
  ["机动车驾驶证换领", "Driving licence renewal", "driving-licence-renewal", "ps", "public-service"],
  ["城乡居民基本医疗保险参保登记", "Resident medical insurance enrolment", "resident-medical-insurance", "hs", "public-service"],
  ["异地就医备案", "Medical treatment elsewhere filing", "remote-medical-filing", "hs", "public-service"],
  ["医疗费用报销", "Medical expense reimbursement", "medical-expense-reimbursement", "hs", "payment"],
  ["生育津贴申领", "Maternity allowance claim", "maternity-allowance", "hs", "payment"],
  ["义务教育入学登记", "Compulsory education enrolment", "school-enrolment", "edu", "public-service"],
  ["学籍登记", "Student status registration", "student-status-registration", "edu", "public-service"],
  ["婚姻登记", "Marriage registration", "marriage-registration", "ca", "confirmation"],
  ["最低生活保障审核确认", "Minimum living allowance", "minimum-living-allowance", "ca", "payment"],
  ["临时救助", "Temporary assistance", "temporary-assistance", "ca", "payment"],
  ["高龄津贴申领", "Senior citizen allowance", "senior-allowance", "ca", "payment"],
  ["遗体火化证明", "Cremation certificate", "cremation-certificate", "ca", "public-service"],
  ["困难残疾人生活补贴", "Living subsidy for disabled people in need", "disability-living-subsidy", "ca", "payment"],
  ["重度残疾人护理补贴", "Care subsidy for severely disabled people", "disability-care-subsidy", "ca", "payment"],
  ["残疾人证办理", "Disability certificate", "disability-certificate", "dpf", "public-service"],
  ["退役军人安置", "Veteran placement", "veteran-placement", "va", "public-service"],
  ["退役军人优待证申领", "Veteran preferential card", "veteran-card", "va", "public-service"],
];
const ITEM = new Map(ITEMS.map((entry) => [entry[2], entry]));

/** Provincial catalogue items (each province holds its own copy with its own ids): zh, en, slug, function, type. */
const LOCAL_ITEMS = [
  ["农家乐经营登记", "Farm-stay business registration", "farm-stay-registration", "ct", "other-power"],
  ["夜市摊点经营备案", "Night-market stall filing", "night-market-stall-filing", "amr", "other-power"],
  ["户外招牌设置备案", "Shop sign filing", "shop-sign-filing", "hud", "other-power"],
  ["餐厨垃圾收运登记", "Kitchen waste collection registration", "kitchen-waste-registration", "hud", "public-service"],
  ["城市道路占用挖掘许可", "Road occupation and excavation permit", "road-occupation-permit", "hud", "licence"],
  ["经营性停车场备案", "Commercial parking filing", "parking-filing", "ps", "other-power"],
  ["就业补贴申领", "Employment subsidy claim", "employment-subsidy", "hrss", "payment"],
  ["创业担保贷款申请", "Start-up guaranteed loan", "startup-loan", "hrss", "public-service"],
  ["人才公寓申请", "Talent apartment application", "talent-apartment", "hud", "public-service"],
  ["租房补贴申领", "Rent subsidy claim", "rent-subsidy", "hud", "payment"],
  ["老年人健康体检", "Health check for older people", "senior-health-check", "hc", "public-service"],
  ["居家养老服务补贴", "Home care subsidy", "home-care-subsidy", "ca", "payment"],
  ["困境儿童基本生活补贴", "Living subsidy for children in difficulty", "child-subsidy", "ca", "payment"],
  ["导游讲解员备案", "Tour guide filing", "tour-guide-filing", "ct", "other-power"],
  ["城市绿地占用许可", "Green space occupation permit", "green-space-permit", "hud", "licence"],
  ["临时占道经营许可", "Temporary street vending permit", "street-vending-permit", "hud", "licence"],
  ["校外托管机构备案", "After-school care filing", "after-school-filing", "edu", "other-power"],
  ["电动自行车登记", "Electric bicycle registration", "e-bike-registration", "ps", "confirmation"],
  ["燃气经营许可", "Gas business licence", "gas-licence", "hud", "licence"],
  ["林木采伐许可", "Logging permit", "logging-permit", "nr", "licence"],
  ["取水许可", "Water abstraction permit", "water-abstraction-permit", "ee", "licence"],
  ["养老机构备案", "Elderly-care institution filing", "elderly-care-filing", "ca", "other-power"],
];

/** Enterprise actions: zh, en, slug, stage, item slugs every such matter bundles. */
const ENTERPRISE_ACTIONS = [
  ["开办", "Opening", "open", "market-entry", ["enterprise-establishment-registration", "seal-engraving-filing", "tax-registration-confirmation", "invoice-issuance", "employer-social-insurance-registration", "housing-fund-employer-registration"]],
  ["变更", "Changing", "change", "operation", ["enterprise-change-registration", "tax-registration-confirmation"]],
  ["迁移", "Relocating", "relocate", "operation", ["enterprise-change-registration", "tax-registration-confirmation", "employer-social-insurance-registration", "housing-fund-employer-registration"]],
  ["扩大经营", "Expanding", "expand", "operation", ["enterprise-change-registration", "outdoor-advertising-approval"]],
  ["招聘用工", "Hiring at", "hire", "hiring", ["employment-registration", "labour-contract-filing", "employer-social-insurance-registration", "recruitment-filing"]],
  ["纳税缴费", "Taxes and fees of", "tax", "tax", ["tax-filing", "invoice-issuance"]],
  ["注销", "Closing", "close", "exit", ["enterprise-deregistration", "tax-clearance-certificate", "employer-social-insurance-registration"]],
];
/** Enterprise objects: zh, en, slug, the licences such a business needs. */
const ENTERPRISE_OBJECTS = [
  ["餐饮店", "a restaurant", "restaurant", ["food-business-licence", "fire-safety-inspection"]],
  ["便利店", "a convenience store", "convenience-store", ["food-business-licence", "liquor-retail-filing"]],
  ["药店", "a pharmacy", "pharmacy", ["drug-retail-licence", "medical-device-filing"]],
  ["诊所", "a clinic", "clinic", ["medical-institution-registration"]],
  ["民宿", "a homestay", "homestay", ["hotel-special-trade-licence", "public-place-hygiene-licence", "fire-safety-inspection"]],
  ["旅馆", "a hotel", "hotel", ["hotel-special-trade-licence", "public-place-hygiene-licence", "fire-safety-inspection"]],
  ["健身房", "a gym", "gym", ["high-risk-sports-licence", "fire-safety-inspection"]],
  ["游泳馆", "a swimming pool", "swimming-pool", ["high-risk-sports-licence", "public-place-hygiene-licence"]],
  ["美容美发店", "a beauty salon", "beauty-salon", ["public-place-hygiene-licence"]],
  ["书店", "a bookshop", "bookshop", ["publication-retail-licence"]],
  ["歌舞娱乐场所", "a karaoke venue", "karaoke-venue", ["entertainment-venue-licence", "fire-safety-inspection"]],
  ["旅行社", "a travel agency", "travel-agency", ["travel-agency-licence"]],
  ["运输企业", "a transport enterprise", "transport-enterprise", ["road-transport-licence", "vehicle-transport-certificate"]],
  ["物流企业", "a logistics enterprise", "logistics-enterprise", ["road-transport-licence"]],
  ["汽车维修店", "a car repair shop", "car-repair-shop", ["pollutant-discharge-permit"]],
  ["食品加工厂", "a food factory", "food-factory", ["food-production-licence", "pollutant-discharge-permit"]],
  ["外贸企业", "a foreign-trade enterprise", "foreign-trade-enterprise", ["foreign-trade-filing"]],
  ["超市", "a supermarket", "supermarket", ["food-business-licence", "liquor-retail-filing", "fire-safety-inspection"]],
  ["烘焙店", "a bakery", "bakery", ["food-business-licence"]],
  ["网吧", "an internet café", "internet-cafe", ["entertainment-venue-licence", "fire-safety-inspection"]],
  ["洗车店", "a car wash", "car-wash", ["pollutant-discharge-permit"]],
  ["家政服务企业", "a housekeeping company", "housekeeping-company", ["employer-social-insurance-registration"]],
  ["电影院", "a cinema", "cinema", ["entertainment-venue-licence", "fire-safety-inspection"]],
  ["母婴用品店", "a mother-and-baby store", "baby-store", ["food-business-licence"]],
  ["茶馆", "a tea house", "tea-house", ["food-business-licence", "public-place-hygiene-licence"]],
  ["加油站", "a petrol station", "petrol-station", ["fire-safety-inspection", "pollutant-discharge-permit"]],
  ["印刷企业", "a printing company", "printing-company", ["publication-retail-licence", "pollutant-discharge-permit"]],
  ["养老机构", "an elderly-care institution", "elderly-care-institution", ["fire-safety-inspection", "public-place-hygiene-licence"]],
];
/** Individual matters: zh, en, slug, stage, items. */
const INDIVIDUAL_THINGS = [
  ["新生儿出生", "newborn birth", "newborn", "birth", ["birth-medical-certificate", "vaccination-certificate", "hukou-birth-registration", "resident-medical-insurance", "social-security-card", "maternity-allowance"]],
  ["婚育", "marriage and childbirth", "marriage", "birth", ["marriage-registration", "maternity-allowance", "hukou-transfer"]],
  ["入学", "school enrolment", "enrolment", "education", ["school-enrolment", "student-status-registration", "residence-permit"]],
  ["转学", "school transfer", "school-transfer", "education", ["student-status-registration", "hukou-transfer"]],
  ["就业", "employment", "employment", "employment", ["employment-registration", "social-security-card", "housing-fund-account"]],
  ["失业保障", "unemployment support", "unemployment", "employment", ["unemployment-registration", "temporary-assistance"]],
  ["灵活就业参保", "social insurance for flexible work", "flexible-insurance", "employment", ["employment-registration", "resident-medical-insurance", "social-security-card"]],
  ["落户", "settling down", "settlement", "daily-life", ["hukou-transfer", "id-card", "residence-permit"]],
  ["居住证办理", "residence permit", "residence", "daily-life", ["residence-permit", "social-security-card"]],
  ["水电气过户", "utility transfer", "utilities", "daily-life", ["utilities-transfer", "real-estate-transfer-registration"]],
  ["二手房交易", "second-hand home sale", "home-sale", "housing", ["real-estate-transfer-registration", "utilities-transfer", "tax-filing", "housing-fund-withdrawal"]],
  ["购房", "home purchase", "home-purchase", "housing", ["housing-fund-loan", "real-estate-registration", "tax-filing"]],
  ["租房提取公积金", "rent-related fund withdrawal", "rent-withdrawal", "housing", ["housing-fund-withdrawal", "residence-permit"]],
  ["机动车登记", "vehicle registration", "vehicle", "travel", ["vehicle-registration", "tax-filing"]],
  ["驾驶证换领", "driving licence renewal", "driving-licence", "travel", ["driving-licence-renewal", "id-card"]],
  ["异地就医", "medical care elsewhere", "remote-medical", "medical", ["remote-medical-filing", "medical-expense-reimbursement"]],
  ["医疗费用报销", "medical expense reimbursement", "medical-claim", "medical", ["medical-expense-reimbursement", "resident-medical-insurance"]],
  ["低保救助", "minimum living assistance", "living-assistance", "assistance", ["minimum-living-allowance", "temporary-assistance"]],
  ["残疾人服务", "disability services", "disability", "assistance", ["disability-certificate", "disability-living-subsidy", "disability-care-subsidy"]],
  ["退休", "retirement", "retirement", "elderly", ["pension-claim", "senior-allowance", "social-security-card"]],
  ["高龄津贴", "senior allowance", "senior-allowance", "elderly", ["senior-allowance", "id-card"]],
  ["身后", "after-death affairs", "after-death", "after-death", ["death-medical-certificate", "hukou-cancellation", "cremation-certificate", "funeral-subsidy"]],
  ["退役安置", "veteran resettlement", "veteran", "employment", ["veteran-placement", "veteran-card", "employment-registration"]],
];
const INDIVIDUAL_GROUPS = [["", "", ""], ["高校毕业生", "Graduates' ", "graduate"], ["退役军人", "Veterans' ", "veterans"],
  ["外来务工人员", "Migrant workers' ", "migrant"], ["港澳台居民", "Hong Kong, Macao and Taiwan residents' ", "hmt"],
  ["外籍人员", "Foreign nationals' ", "foreign"], ["老年人", "Older people's ", "senior"], ["残疾人", "Disabled people's ", "disabled"],
  ["农村居民", "Rural residents' ", "rural"], ["新市民", "New residents' ", "newcomer"], ["困难群众", "Low-income residents' ", "low-income"],
  ["灵活就业人员", "Flexible workers' ", "flexible"]];
/** Construction project matters: project types × stages. */
const PROJECT_TYPES = [["住宅", "housing", "housing"], ["工业厂房", "factory", "factory"], ["学校", "school", "school"], ["医院", "hospital", "hospital"],
  ["市政道路", "municipal road", "road"], ["水利工程", "water works", "water"], ["商业综合体", "commercial complex", "commercial"],
  ["社会投资小型低风险", "small low-risk", "low-risk"]];
const PROJECT_STAGES = [
  ["签约落地", "signing", "signing", "signing", ["land-use-planning-permit", "eia-approval"]],
  ["立项用地规划许可", "approval and land use", "approval", "project-approval", ["land-use-planning-permit", "eia-approval", "construction-waste-approval"]],
  ["工程建设许可", "engineering permit", "engineering", "engineering-permit", ["construction-planning-permit", "fire-design-review"]],
  ["施工许可", "construction permit", "construction", "construction-permit", ["construction-permit", "construction-waste-approval"]],
  ["竣工验收", "completion acceptance", "acceptance", "completion-acceptance", ["completion-acceptance-filing", "fire-acceptance"]],
  ["投入使用", "putting into use", "in-use", "in-use", ["real-estate-registration", "utilities-transfer"]],
];

/** Materials: zh, en, slug. */
const MATERIALS = [["申请人身份证明", "Applicant's identity document", "applicant-id"], ["营业执照", "Business licence", "business-licence"],
  ["经营场所证明", "Proof of premises", "premises-proof"], ["法定代表人身份证明", "Legal representative's identity document", "representative-id"],
  ["申请表", "Application form", "application-form"], ["授权委托书", "Power of attorney", "power-of-attorney"],
  ["户口簿", "Household register", "household-register"], ["结婚证", "Marriage certificate", "marriage-certificate"],
  ["不动产权证书", "Real estate title certificate", "property-certificate"], ["劳动合同", "Labour contract", "labour-contract"],
  ["从业人员健康证明", "Staff health certificates", "health-certificates"], ["消防安全承诺书", "Fire safety pledge", "fire-pledge"],
  ["平面布局图", "Floor plan", "floor-plan"], ["章程", "Articles of association", "articles"], ["清算报告", "Liquidation report", "liquidation-report"],
  ["医学证明", "Medical certificate", "medical-certificate"], ["银行账户信息", "Bank account details", "bank-account"],
  ["施工图设计文件", "Construction drawings", "drawings"], ["竣工验收报告", "Completion report", "completion-report"],
  ["残疾评定材料", "Disability assessment", "disability-assessment"], ["退役证明", "Discharge certificate", "discharge-certificate"],
  ["学籍信息", "Student status record", "student-record"], ["车辆购置发票", "Vehicle purchase invoice", "vehicle-invoice"],
  ["死亡证明", "Death certificate", "death-certificate"]];

const STEP_NAMES = [["申请", "Application"], ["受理", "Acceptance"], ["审核", "Review"], ["现场核查", "On-site check"], ["审批", "Approval"],
  ["办结", "Completion"], ["出证", "Certificate issued"], ["联合踏勘", "Joint site survey"], ["公示", "Public notice"]];
const NA_REASONS = [
  ["该事项由国家层面统一办理", "Handled at national level", "national-level"],
  ["该事项由省级层面统一办理", "Handled at provincial level", "provincial-level"],
  ["本地无此类业务", "The business does not exist locally", "not-present"],
  ["本地正在制定实施方案，暂不纳入", "A local plan is being drafted", "other"],
];
const LEADERS = ["分管副省长", "常务副省长", "分管副市长", "常务副市长", "市政府秘书长"];

// ---------------------------------------------------------------------------------------------------------
// YAML emission

const PLAIN = /^[\p{Script=Han}A-Za-z（《“][^:#{}[\],&*!|>'"%@`\n]*$/u;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

function scalar(value) {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  const text = String(value);
  if (PLAIN.test(text) && !RESERVED.test(text) && !/\s$/.test(text) && !/ #|: /.test(text)) return text;
  return JSON.stringify(text);
}

function isLeafCollection(value) {
  if (Array.isArray(value)) return value.every((entry) => entry === null || typeof entry !== "object");
  return Object.values(value).every((entry) => entry === null || typeof entry !== "object" || (isLeafCollection(entry) && !Array.isArray(entry) && Object.keys(entry).length <= 2));
}

function flow(value) {
  if (Array.isArray(value)) return `[${value.map(flow).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{ ${entries.map(([k, v]) => `${k}: ${flow(v)}`).join(", ")} }`;
  }
  return scalar(value);
}

/** Emits a value as block YAML; small leaf collections go on one line in flow style, as the real files write them. */
function emit(value, indent, lines) {
  const pad = " ".repeat(indent);
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (entry !== null && typeof entry === "object" && !Array.isArray(entry)) {
        const oneLine = flow(entry);
        if (isLeafCollection(entry) && oneLine.length + indent <= 110) {
          lines.push(`${pad}- ${oneLine}`);
        } else {
          const start = lines.length;
          emit(entry, indent + 2, lines);
          lines[start] = `${pad}- ${lines[start].slice(indent + 2)}`;
        }
      } else {
        lines.push(`${pad}- ${flow(entry)}`);
      }
    }
    return;
  }
  for (const [key, entry] of Object.entries(value)) {
    if (entry === undefined) continue;
    if (entry !== null && typeof entry === "object") {
      const empty = Array.isArray(entry) ? entry.length === 0 : Object.keys(entry).length === 0;
      const oneLine = flow(entry);
      if (empty || (isLeafCollection(entry) && oneLine.length + indent + key.length <= 108)) {
        lines.push(`${pad}${key}: ${oneLine}`);
      } else {
        lines.push(`${pad}${key}:`);
        emit(entry, Array.isArray(entry) ? indent + 2 : indent + 2, lines);
      }
    } else {
      lines.push(`${pad}${key}: ${scalar(entry)}`);
    }
  }
}

function toYaml(document, { schema, comment }) {
  const lines = [`# yaml-language-server: $schema=${schema}`, ...comment.map((line) => `# ${line}`)];
  emit(document, 0, lines);
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// The model

const CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A unified social credit code of a government body (registration authority 1, type 1) with a valid GB 32100 check character. */
function creditCode(rng, division) {
  let body = `11${division}`;
  while (body.length < 17) body += CREDIT_CHARSET[rng.int(0, 9)];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(body[i]) * CREDIT_WEIGHTS[i];
  return body + CREDIT_CHARSET[(31 - (sum % 31)) % 31];
}

const pad2 = (n) => String(n).padStart(2, "0");
const date = (rng, fromYear, toYear) => `${rng.int(fromYear, toYear)}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;

function localized(zh, en) {
  return en === undefined ? { zh } : { zh, en };
}

function taxonomyDocument() {
  const stage = (id, zh, en, aliases) => ({ id, name: { zh, en }, ...(aliases ? { aliases: aliases.map((alias) => ({ zh: alias, taxonomy: "2022" })) } : {}) });
  return {
    apiVersion: "onething/v1",
    kind: "Taxonomy",
    metadata: { id: "cn.taxonomy", title: { zh: "全生命周期事项分类", en: "Lifecycle taxonomy" }, version: "1.0.0", jurisdiction: { level: "national", division: "100000" } },
    spec: {
      subjects: [
        { id: "enterprise", name: { zh: "经营主体", en: "Business entity" }, stages: [
          stage("market-entry", "准入准营", "Market entry and permits", ["开办"]), stage("hiring", "招聘用工", "Hiring", ["员工录用"]),
          stage("tax", "纳税缴费", "Taxes and fees"), stage("operation", "经营发展", "Operation and growth", ["生产经营"]),
          stage("construction", "工程建设", "Construction projects", ["工程建设"]), stage("exit", "注销退出", "Deregistration and exit", ["注销"])] },
        { id: "individual", name: { zh: "个人", en: "Individual" }, stages: [
          stage("birth", "出生", "Birth", ["新生儿出生"]), stage("education", "教育", "Education", ["入园入学"]), stage("employment", "就业", "Employment"),
          stage("daily-life", "生活", "Daily life"), stage("housing", "置业", "Housing"), stage("travel", "出行", "Travel"), stage("medical", "就医", "Medical care"),
          stage("assistance", "救助", "Assistance", ["扶残助困"]), stage("elderly", "养老", "Old age", ["退休"]), stage("after-death", "身后", "After death", ["身后"])] },
        { id: "project", name: { zh: "工程建设项目", en: "Construction project" }, stages: [
          stage("signing", "签约", "Contract signing"), stage("project-approval", "立项用地规划许可", "Project approval and land-use planning permit"),
          stage("engineering-permit", "工程建设许可", "Engineering construction permit"), stage("construction-permit", "施工许可", "Construction permit"),
          stage("completion-acceptance", "竣工验收", "Completion acceptance"), stage("in-use", "投入使用", "Putting into use")] },
      ],
    },
  };
}

function serviceItem(rng, { id, zh, en, department, type, division, serial }) {
  const unit = rng.chance(0.8) ? "workday" : "day";
  const legal = rng.pick([5, 10, 15, 20, 30, 60]);
  const trips = rng.pick([0, 0, 0, 1, 1, 2]);
  const channels = trips === 0 ? rng.pick([["online-zone", "window"], ["online-zone", "mobile", "window"], ["mobile", "window"]]) : rng.pick([["window"], ["online-zone", "window"]]);
  const materials = rng.sample(MATERIALS, rng.int(1, 4)).map(([mzh, men, slug]) => ({
    id: slug,
    name: localized(mzh, men),
    necessity: rng.chance(0.8) ? "required" : "conditional",
    source: rng.pick(["applicant", "applicant", "department", "e-licence", "data-sharing"]),
    ...(rng.chance(0.6) ? { form: rng.pick([["original"], ["copy"], ["electronic"], ["original", "copy"]]) } : {}),
  }));
  return {
    id,
    name: localized(zh, en),
    basicCode: `${pad2(rng.int(0, 99))}0${pad2(rng.int(1, 40))}${String(serial).padStart(4, "0")}000`,
    ...(division ? { implementationCode: `${creditCode(rng, division)}${division === "100000" ? 1 : 2}${pad2(rng.int(0, 99))}0${pad2(rng.int(1, 40))}${String(serial).padStart(4, "0")}000` } : {}),
    type,
    department,
    ...(rng.chance(0.7) ? { legalBasis: [rng.pick(["《中华人民共和国行政许可法》", "《优化营商环境条例》", "《市场主体登记管理条例》", "《社会保险法》", "《食品安全法》", "《城乡规划法》"])] } : {}),
    legalTime: { value: legal, unit },
    promisedTime: { value: Math.max(1, Math.floor(legal * rng.pick([0.2, 0.3, 0.5]))), unit },
    trips,
    fee: { charged: rng.chance(0.1) },
    channels,
    materials,
    confidence: "illustrative",
  };
}

function nationalDocuments(rng) {
  const departments = NATIONAL_DEPARTMENTS.map(([id, zh, en]) => ({
    id, name: { zh, en }, level: "national", division: "100000", ...(rng.chance(0.5) ? { creditCode: creditCode(rng, "100000") } : {}), confidence: "illustrative",
  }));
  const items = ITEMS.map(([zh, en, slug, fn, type], index) => serviceItem(rng, { id: `item.${slug}`, zh, en, department: FUNCTION.get(fn)[1], type, serial: index + 1 }));
  return { departments, items };
}

/** Builds one matter from a template: name parts, subject, stage, item slugs, and who owns it. */
function buildMatter(rng, { id, zh, en, subject, stage, itemRefs, owners, stepDepartments, sourceTitle, year }) {
  const withMaterials = rng.chance(0.55);
  const materials = withMaterials
    ? rng.sample(MATERIALS, rng.int(2, 8)).map(([mzh, men, slug]) => ({
      id: slug, name: localized(mzh, rng.chance(0.5) ? men : undefined), necessity: rng.chance(0.85) ? "required" : "conditional",
      source: rng.pick(["applicant", "applicant", "department", "e-licence", "data-sharing", "data-sharing"]),
      ...(rng.chance(0.5) ? { form: rng.pick([["original"], ["copy"], ["electronic"], ["original", "copy"]]) } : {}),
      ...(rng.chance(0.15) ? { copies: rng.int(1, 3) } : {}),
    }))
    : undefined;
  const channels = rng.pick([["online-zone", "window"], ["online-zone", "window", "mobile"], ["window"], ["online-zone", "mobile"]]);
  const online = channels.includes("online-zone") || channels.includes("mobile");
  const metric = (before, ratio) => ({ before, after: Math.max(0, Math.round(before * ratio)) });
  const metrics = {};
  if (rng.chance(0.7)) metrics.steps = metric(rng.int(4, 16), rng.pick([0.2, 0.25, 0.3, 0.5]));
  if (rng.chance(0.7)) metrics.days = metric(rng.int(10, 60), rng.pick([0.1, 0.2, 0.3, 0.5]));
  if (rng.chance(0.6)) {
    const before = rng.int(10, 40);
    metrics.materials = materials ? { before: Math.max(before, materials.length), after: materials.length } : metric(before, rng.pick([0.3, 0.5]));
  }
  if (rng.chance(0.75)) {
    const before = rng.int(2, 8);
    metrics.trips = { before, after: online ? rng.pick([0, 0, 1]) : rng.pick([1, 1, 2]) };
  }
  if (rng.chance(0.3)) metrics.formFields = metric(rng.int(40, 200), rng.pick([0.3, 0.4, 0.5]));
  if (rng.chance(0.1)) metrics.days = { publishedReduction: rng.int(50, 90), source: sourceTitle };
  const status = rng.pick(["landed", "landed", "landed", "verified", "in-progress", "planned"]);
  const steps = rng.chance(0.45)
    ? rng.sample(STEP_NAMES, rng.int(2, 5)).map(([szh, sen]) => ({ name: localized(szh, sen), ...(rng.chance(0.7) ? { department: rng.pick(stepDepartments) } : {}) }))
    : undefined;
  return {
    id,
    name: { zh, en },
    subject,
    stage,
    owners,
    items: itemRefs.map((ref, index) => ({ ref, ...(index > 1 && rng.chance(0.3) ? { role: "conditional" } : {}) })),
    ...(materials ? { materials } : {}),
    ...(steps ? { steps } : {}),
    channels,
    ...(rng.chance(0.6) ? { promisedTime: { value: rng.pick([1, 3, 5, 7, 10, 15]), unit: "workday", ...(rng.chance(0.2) ? { note: "不含制证和邮寄时间" } : {}) } } : {}),
    ...(Object.keys(metrics).length > 0 ? { metrics } : {}),
    ...(rng.chance(0.6) ? { oneStop: { notice: true, form: rng.chance(0.9), materials: rng.chance(0.85), window: true, online: online && rng.chance(0.9) } } : {}),
    ...(rng.chance(0.25) ? { smart: { prefillRate: rng.int(40, 95), submissionFreeRate: rng.int(20, 90), ...(rng.chance(0.5) ? { firstPassRateChange: rng.int(5, 25) } : {}), ...(rng.chance(0.4) ? { applicationMinutes: { before: rng.int(30, 90), after: rng.int(5, 25) } } : {}) } } : {}),
    status,
    ...(status === "planned" || status === "in-progress" ? { dueDate: `${rng.int(2027, 2028)}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}` } : {}),
    confidence: "illustrative",
    sources: [{ title: sourceTitle, date: date(rng, year, year) }],
    ...(rng.chance(0.15) ? { note: "合成基准数据，仅用于性能测量" } : {}),
  };
}

/** The 42 national matters of the four 2024–2025 batches: the names known from the real lists, the rest assembled. */
const NATIONAL_KNOWN = [
  [2024, 1, "newborn-birth", "新生儿出生", "Newborn birth", "individual", "birth", INDIVIDUAL_THINGS[0][4]],
  [2024, 1, "enterprise-info-change", "企业信息变更", "Enterprise information change", "enterprise", "operation", ["enterprise-change-registration", "tax-registration-confirmation", "seal-engraving-filing"]],
  [2024, 1, "open-transport-enterprise", "开办运输企业", "Opening a transport enterprise", "enterprise", "market-entry", ["enterprise-establishment-registration", "road-transport-licence", "vehicle-transport-certificate"]],
  [2024, 1, "listing-compliance-check", "企业上市合法合规信息核查", "Legal-compliance information verification for listing", "enterprise", "operation", ["tax-clearance-certificate", "enterprise-change-registration"]],
  [2024, 1, "utilities-joint-connection", "水电气网联合报装", "Joint water/power/gas/internet connection", "enterprise", "construction", ["utilities-transfer", "construction-permit"]],
  [2024, 1, "credit-repair", "信用修复", "Credit repair", "enterprise", "operation", ["enterprise-change-registration", "tax-registration-confirmation"]],
  [2024, 1, "bankruptcy-info-check", "企业破产信息核查", "Enterprise-bankruptcy information verification", "enterprise", "exit", ["enterprise-deregistration", "tax-clearance-certificate"]],
  [2024, 1, "school-enrolment", "教育入学", "School enrolment", "individual", "education", INDIVIDUAL_THINGS[2][4]],
  [2024, 1, "social-security-card", "社会保障卡居民服务“一卡通”", "Social-security-card resident services", "individual", "daily-life", ["social-security-card", "resident-medical-insurance"]],
  [2024, 1, "open-restaurant", "开办餐饮店", "Opening a restaurant", "enterprise", "market-entry", ["enterprise-establishment-registration", "food-business-licence", "fire-safety-inspection", "outdoor-advertising-approval"]],
  [2024, 1, "employee-recruitment", "员工录用", "Employee recruitment", "enterprise", "hiring", ["employment-registration", "employer-social-insurance-registration", "housing-fund-account"]],
  [2024, 1, "disability-services", "残疾人服务", "Services for persons with disabilities", "individual", "assistance", INDIVIDUAL_THINGS[18][4]],
  [2024, 1, "retirement", "退休", "Retirement", "individual", "elderly", INDIVIDUAL_THINGS[19][4]],
  [2025, 1, "sole-proprietor-to-enterprise", "个体工商户转型为企业", "Individual business to enterprise conversion", "enterprise", "operation", ["sole-proprietor-registration", "enterprise-establishment-registration", "tax-registration-confirmation"]],
  [2025, 1, "car-trade-in-subsidy", "汽车以旧换新补贴申请", "Car trade-in subsidy application", "individual", "travel", ["vehicle-registration", "tax-filing"]],
  [2025, 2, "credit-report-query", "征信信息查询", "Credit-reference information query", "enterprise", "operation", ["tax-registration-confirmation", "enterprise-change-registration"]],
  [2025, 2, "tax-credit-grade-query", "纳税信用级别依授权查询", "Authorised query of taxpayer credit grade", "enterprise", "tax", ["tax-filing", "tax-registration-confirmation"]],
];
const BATCHES = [[2024, 1, 13, "国发〔2024〕3号", "2024-01-16"], [2024, 2, 8, "2024年度第二批重点事项清单", "2024-07"], [2025, 1, 12, "2025年度第一批重点事项清单", "2025-01"], [2025, 2, 9, "2025年度第二批重点事项清单", "2025-07"]];

/** Every name a local matter can be given: { id, zh, en, subject, stage, items }. */
function matterPool() {
  const pool = [];
  for (const [azh, aen, aslug, stage, aitems] of ENTERPRISE_ACTIONS) {
    for (const [ozh, oen, oslug, oitems] of ENTERPRISE_OBJECTS) {
      pool.push({ id: `${aslug}-${oslug}`, zh: `${azh}${ozh}`, en: `${aen} ${oen}`, subject: "enterprise", stage, items: [...new Set([...aitems.slice(0, 3), ...oitems])] });
    }
  }
  for (const [gzh, gen, gslug] of INDIVIDUAL_GROUPS) {
    for (const [tzh, ten, tslug, stage, titems] of INDIVIDUAL_THINGS) {
      const en = gen === "" ? ten[0].toUpperCase() + ten.slice(1) : `${gen}${ten}`;
      pool.push({ id: gslug === "" ? `${tslug}-services` : `${gslug}-${tslug}`, zh: `${gzh}${tzh}`, en, subject: "individual", stage, items: titems });
    }
  }
  for (const [pzh, pen, pslug] of PROJECT_TYPES) {
    for (const [szh, sen, sslug, stage, sitems] of PROJECT_STAGES) {
      pool.push({ id: `${pslug}-project-${sslug}`, zh: `${pzh}项目${szh}`, en: `${pen[0].toUpperCase()}${pen.slice(1)} project ${sen}`, subject: "project", stage, items: sitems });
    }
  }
  return pool;
}

function localDepartments(rng, { prefix, division, level, placeZh, placeEn }) {
  const wanted = FUNCTIONS.filter(([key]) => level === "provincial" || key !== "fire" || rng.chance(0.8));
  return wanted.map(([key, , , localName, en]) => {
    const names = localName.split("|");
    const name = level === "provincial" ? names[0] : (names[1] ?? names[0]);
    const zh = key === "tax" ? `国家税务总局${placeZh}${name}` : `${placeZh}${name}`;
    return {
      id: `${prefix}.${key}`,
      name: { zh, en: `${placeEn} ${en}` },
      level,
      division,
      ...(rng.chance(0.4) ? { creditCode: creditCode(rng, division) } : {}),
      confidence: "illustrative",
    };
  });
}

/** Builds every document of variant a as plain objects, keyed by relative path. */
export function buildCorpus(seed, scale = 1) {
  const rng = randomTools(seed);
  const files = new Map();
  const put = (path, schema, comment, document) => files.set(path, { schema, comment, document });
  const synthetic = ["合成基准数据（bench/generate.mjs 生成），不是真实清单 · synthetic bench data, not a real list"];

  put("taxonomy.yaml", "../../../../schemas/v1/taxonomy.schema.json", synthetic, taxonomyDocument());
  const national = nationalDocuments(rng);
  put("departments/national.yaml", "../../../../../schemas/v1/department-registry.schema.json", synthetic, {
    apiVersion: "onething/v1", kind: "DepartmentRegistry",
    metadata: { id: "cn.departments.national", title: { zh: "国家部门名录", en: "National departments" }, version: "1.0.0", jurisdiction: { level: "national", division: "100000" } },
    spec: { departments: national.departments },
  });
  put("items/national.yaml", "../../../../../schemas/v1/item-catalog.schema.json", synthetic, {
    apiVersion: "onething/v1", kind: "ItemCatalog",
    metadata: { id: "cn.items.national", title: { zh: "政务服务事项目录", en: "Service item catalogue" }, version: "1.0.0", jurisdiction: { level: "national", division: "100000" } },
    spec: { items: national.items },
  });

  // National annual lists.
  const pool = matterPool();
  const known = [...NATIONAL_KNOWN];
  const nationalIds = new Set(known.map((entry) => entry[2]));
  const fillers = rng.sample(pool.filter((entry) => entry.subject !== "project"), 42);
  const nationalMatters = new Map();
  const nationalDeptIds = national.departments.map((d) => d.id);
  for (const [year, seq, count, title, published] of BATCHES) {
    const entries = known.filter((entry) => entry[0] === year && entry[1] === seq).map((entry) => ({ id: entry[2], zh: entry[3], en: entry[4], subject: entry[5], stage: entry[6], items: entry[7] }));
    while (entries.length < count) {
      const next = fillers.shift();
      if (nationalIds.has(next.id)) continue;
      nationalIds.add(next.id);
      entries.push(next);
    }
    const matters = entries.map((entry) => {
      const itemRefs = entry.items.map((slug) => `item.${slug}`);
      const lead = FUNCTION.get(ITEM.get(entry.items[0])[3])[1];
      const partners = [...new Set(entry.items.slice(1).map((slug) => FUNCTION.get(ITEM.get(slug)[3])[1]))].filter((id) => id !== lead);
      const matter = buildMatter(rng, {
        id: entry.id, zh: entry.zh.endsWith("一件事") ? entry.zh : `${entry.zh}`, en: entry.en, subject: entry.subject, stage: entry.stage, itemRefs,
        owners: { lead, ...(partners.length > 0 ? { partners } : {}) }, stepDepartments: nationalDeptIds, sourceTitle: title, year,
      });
      matter.batches = [{ year, seq }];
      delete matter.status;
      delete matter.dueDate;
      if (rng.chance(0.6)) matter.locked = rng.sample(["items", "trips", "promisedTime", "materials", "days"], rng.int(1, 3));
      nationalMatters.set(matter.id, { matter, checklist: `cn.national.${year}-${seq}` });
      return reorder(matter);
    });
    put(`national/${year}-${seq}.yaml`, "../../../../../schemas/v1/checklist.schema.json", synthetic, {
      apiVersion: "onething/v1", kind: "Checklist",
      metadata: {
        id: `cn.national.${year}-${seq}`, title: { zh: `${year}年度第${["", "一", "二"][seq]}批重点事项清单`, en: `${year} batch ${seq} key matters` }, version: "1.0.0",
        jurisdiction: { level: "national", division: "100000" }, sources: [{ title, date: published }],
      },
      spec: { scope: "annual", batch: { year, seq }, declaredCount: count, matters },
    });
  }
  const nationalBases = BATCHES.map(([year, seq]) => `cn.national.${year}-${seq}`);

  // Provinces and cities.
  const usedCityNames = new Set();
  for (const [division, slug, provZh, provEn, cityCount] of PROVINCES) {
    const provPrefix = `dept.${slug}`;
    const provDepts = localDepartments(rng, { prefix: provPrefix, division, level: "provincial", placeZh: provZh, placeEn: provEn });
    const departments = [...provDepts];
    const localItems = LOCAL_ITEMS.map(([zh, en, islug, fn, type], index) =>
      serviceItem(rng, { id: `item.${slug}.${islug}`, zh, en, department: `${provPrefix}.${fn}`, type, division, serial: 100 + index }));
    put(`items/${slug}.yaml`, "../../../../../schemas/v1/item-catalog.schema.json", synthetic, {
      apiVersion: "onething/v1", kind: "ItemCatalog",
      metadata: { id: `cn.${slug}.items`, title: { zh: `${provZh}政务服务事项目录（地方事项）`, en: `${provEn} service item catalogue (local items)` }, version: "1.0.0", jurisdiction: { level: "provincial", division } },
      spec: { items: localItems },
    });

    const provinceId = `cn.${slug}`;
    const province = localList(rng, {
      id: provinceId, titleZh: `${provZh}“高效办成一件事”重点事项清单`, titleEn: `${provEn} key matters`, level: "provincial", division,
      bases: nationalBases.map((checklist) => ({ checklist })), inherited: new Map(nationalMatters), pool, ownCount: rng.int(40, 90),
      deptPrefix: provPrefix, deptIds: provDepts.map((d) => d.id), localItemIds: localItems.map((item) => item.id), leader: LEADERS[rng.int(0, 1)],
      sourceTitle: `${provZh}人民政府办公厅关于印发“高效办成一件事”重点事项清单的通知`,
    });
    put(`provinces/${slug}.yaml`, "../../../../../schemas/v1/checklist.schema.json", synthetic, province.document);

    const provinceMatters = new Map(nationalMatters);
    for (const matter of province.document.spec.matters) provinceMatters.set(matter.id, { matter, checklist: provinceId });
    for (let index = 1; index <= Math.round(cityCount * scale); index++) {
      const cityDivision = `${division.slice(0, 2)}${pad2(index)}00`;
      let cityZh;
      let cityEn;
      do {
        const [fzh, fen] = rng.pick(CITY_FIRST);
        const [szh, sen] = rng.pick(CITY_SECOND);
        cityZh = `${fzh}${szh}市`;
        cityEn = `${fen}${sen}`;
      } while (usedCityNames.has(cityZh) && usedCityNames.size < CITY_FIRST.length * CITY_SECOND.length);
      usedCityNames.add(cityZh);
      const cityPrefix = `dept.${slug}.c${cityDivision}`;
      const cityDepts = localDepartments(rng, { prefix: cityPrefix, division: cityDivision, level: "municipal", placeZh: cityZh, placeEn: cityEn });
      departments.push(...cityDepts);
      const city = localList(rng, {
        id: `cn.${slug}.c${cityDivision}`, titleZh: `${cityZh}“高效办成一件事”重点事项清单`, titleEn: `${cityEn} key matters`, level: "municipal", division: cityDivision,
        bases: [{ checklist: provinceId }], inherited: new Map([...provinceMatters].filter(([id]) => !province.notApplicable.has(id))), avoid: province.patched, reserved: [...provinceMatters.keys()], pool, ownCount: rng.int(50, 90),
        deptPrefix: cityPrefix, deptIds: cityDepts.map((d) => d.id), localItemIds: localItems.map((item) => item.id), leader: LEADERS[rng.int(2, 4)],
        sourceTitle: `${cityZh}人民政府办公室关于印发“高效办成一件事”重点事项清单的通知`,
      });
      put(`cities/${slug}/c${cityDivision}.yaml`, "../../../../../../schemas/v1/checklist.schema.json", synthetic, city.document);
    }
    put(`departments/${slug}.yaml`, "../../../../../schemas/v1/department-registry.schema.json", synthetic, {
      apiVersion: "onething/v1", kind: "DepartmentRegistry",
      metadata: { id: `cn.${slug}.departments`, title: { zh: `${provZh}部门名录`, en: `${provEn} departments` }, version: "1.0.0", jurisdiction: { level: "provincial", division } },
      spec: { departments },
    });
  }
  return files;
}

const MATTER_ORDER = ["id", "formerIds", "name", "shortName", "subject", "stage", "batches", "owners", "items", "materials", "steps", "channels", "promisedTime",
  "metrics", "oneStop", "smart", "status", "dueDate", "locked", "confidence", "sources", "note"];
function reorder(matter) {
  const out = {};
  for (const key of MATTER_ORDER) if (matter[key] !== undefined) out[key] = matter[key];
  return out;
}

/** A provincial or city list: extends its bases, marks some inherited matters not applicable, patches some, adds its own. */
function localList(rng, options) {
  const { inherited, pool, deptIds, deptPrefix, localItemIds, leader, sourceTitle } = options;
  const inheritedIds = [...inherited.keys()];
  const notApplicable = new Map();
  for (const id of rng.sample(inheritedIds, rng.int(0, 3))) {
    const [zh, en, basis] = rng.pick(NA_REASONS);
    notApplicable.set(id, { matter: id, reason: { zh, en }, basis });
  }
  const patches = [];
  const patchable = inheritedIds.filter((id) => !notApplicable.has(id) && !(options.avoid ?? new Set()).has(id));
  for (const id of rng.sample(patchable, rng.int(4, 14))) {
    const base = inherited.get(id).matter;
    const set = {};
    const lead = `${deptPrefix}.${rng.pick(["amr", "hrss", "gs", "ps", "hud"])}`;
    if (!(base.locked ?? []).includes("owners")) {
      set.owners = { leader, lead, partners: rng.sample(deptIds.filter((d) => d !== lead), rng.int(2, 5)) };
    }
    if (base.metrics?.trips?.after !== undefined && base.metrics.trips.after > 0 && rng.chance(0.5)) {
      set.metrics = { trips: { before: base.metrics.trips.before, after: base.metrics.trips.after - 1 } };
      if (base.metrics.trips.after - 1 === 0 && !(base.channels ?? []).some((c) => c !== "window")) set.channels = ["online-zone", "window"];
    }
    if (rng.chance(0.5)) set.status = rng.pick(["landed", "verified", "in-progress"]);
    if (set.status === "in-progress") set.dueDate = `2027-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;
    if (rng.chance(0.3)) set.items = [...(base.items ?? []), { ref: rng.pick(localItemIds), role: "conditional" }].filter((item, index, all) => all.findIndex((other) => other.ref === item.ref) === index);
    patches.push({ matter: id, set });
  }
  // Own ids may not repeat any id the list inherits, including matters a base marked not applicable
  // (they stay in the effective list): a repeat is the resolver's duplicate-matter error.
  const taken = new Set([...inheritedIds, ...(options.reserved ?? [])]);
  const own = [];
  const candidates = rng.sample(pool.filter((entry) => !taken.has(entry.id)), options.ownCount);
  for (const entry of candidates) {
    taken.add(entry.id);
    const items = [...entry.items.map((slug) => `item.${slug}`)];
    if (rng.chance(0.35)) items.push(...rng.sample(localItemIds, rng.int(1, 2)));
    if (rng.chance(0.25)) items.push(...rng.sample(ITEMS, rng.int(1, 6)).map((item) => `item.${item[2]}`));
    const itemRefs = [...new Set(items)].slice(0, rng.int(2, 12));
    const leadKey = ITEM.get(entry.items[0])[3];
    const lead = `${deptPrefix}.${leadKey === "fire" && !deptIds.includes(`${deptPrefix}.fire`) ? "gs" : leadKey}`;
    const partners = rng.sample(deptIds.filter((d) => d !== lead), rng.int(1, 6));
    own.push(reorder(buildMatter(rng, {
      id: entry.id, zh: `${entry.zh}一件事`, en: entry.en, subject: entry.subject, stage: entry.stage, itemRefs,
      owners: { ...(rng.chance(0.5) ? { leader } : {}), lead, partners }, stepDepartments: deptIds, sourceTitle, year: rng.int(2024, 2025),
    })));
  }
  const document = {
    apiVersion: "onething/v1",
    kind: "Checklist",
    metadata: {
      id: options.id, title: { zh: options.titleZh, en: options.titleEn }, version: "1.0.0",
      jurisdiction: { level: options.level, division: options.division }, sources: [{ title: sourceTitle, date: `2024-${pad2(rng.int(3, 12))}` }],
    },
    spec: {
      scope: "local",
      extends: options.bases,
      ...(notApplicable.size > 0 ? { notApplicable: [...notApplicable.values()] } : {}),
      ...(patches.length > 0 ? { patches } : {}),
      matters: own,
    },
  };
  return { document, notApplicable, patched: new Set(patches.map((patch) => patch.matter)) };
}

// ---------------------------------------------------------------------------------------------------------
// Variant b: a seeded set of edits

/** Applies seeded edits to a corpus (in place) and returns what was changed, counted by kind. */
export function editCorpus(files, seed) {
  const rng = randomTools(seed ^ 0x5eed);
  const pool = matterPool();
  const counts = { added: 0, removed: 0, renamed: 0, metricsChanged: 0, ownersChanged: 0, documentsChanged: 0 };
  for (const [path, file] of files) {
    const { document } = file;
    if (document.kind !== "Checklist" || document.spec.scope !== "local") continue;
    if (!rng.chance(0.45)) continue;
    const matters = document.spec.matters;
    const local = path.startsWith("cities/");
    const prefix = local ? `dept.${path.split("/")[1]}.${path.split("/")[2].replace(".yaml", "")}` : `dept.${path.split("/")[1].replace(".yaml", "")}`;
    const patched = new Set((document.spec.patches ?? []).map((p) => p.matter));
    // A new matter may not take an id the list inherits: the national ids, and a city's province's own.
    const taken = new Set([...matters.map((m) => m.id), ...nationalIds(files)]);
    if (local) for (const m of files.get(`provinces/${path.split("/")[1]}.yaml`).document.spec.matters) taken.add(m.id);
    // A province's new matter may not take an id one of its cities already defines as its own.
    else for (const [other, entry] of files) if (other.startsWith(`cities/${path.split("/")[1].replace(".yaml", "")}/`)) for (const m of entry.document.spec.matters) taken.add(m.id);
    // metrics changed
    for (const matter of rng.sample(matters, rng.int(1, 4))) {
      if (matter.metrics?.days?.after !== undefined) { matter.metrics.days.after = Math.max(0, matter.metrics.days.after - rng.int(1, 3)); counts.metricsChanged++; }
      else if (matter.metrics?.steps?.after !== undefined) { matter.metrics.steps.after = Math.max(0, matter.metrics.steps.after - 1); counts.metricsChanged++; }
    }
    // owners changed
    if (rng.chance(0.3)) {
      const matter = rng.pick(matters);
      if (matter?.owners?.partners && matter.owners.partners.length > 1) { matter.owners.partners.pop(); counts.ownersChanged++; }
    }
    // removed (city lists only: a provincial matter may be patched or marked not applicable by its cities)
    if (local && rng.chance(0.4) && matters.length > 10) {
      matters.splice(rng.int(0, matters.length - 1), 1);
      counts.removed++;
    }
    // renamed (id change, formerIds kept)
    if (local && rng.chance(0.3)) {
      const matter = rng.pick(matters);
      if (!matter.formerIds && !patched.has(matter.id)) {
        const oldId = matter.id;
        matter.id = `${oldId}-joint`;
        matter.formerIds = [oldId];
        matter.name = { zh: matter.name.zh.replace("一件事", "联办一件事"), en: `${matter.name.en} (joint handling)` };
        const index = matters.indexOf(matter);
        matters[index] = reorder(matter);
        counts.renamed++;
      }
    }
    // added
    if (rng.chance(0.5)) {
      const entry = rng.pick(pool.filter((candidate) => !taken.has(candidate.id)));
      if (entry) {
        const lead = `${prefix}.amr`;
        matters.push(reorder(buildMatter(rng, {
          id: entry.id, zh: `${entry.zh}一件事`, en: entry.en, subject: entry.subject, stage: entry.stage, itemRefs: entry.items.map((slug) => `item.${slug}`),
          owners: { lead, partners: [`${prefix}.gs`, `${prefix}.tax`] }, stepDepartments: [lead], sourceTitle: "2025年度新增事项", year: 2025,
        })));
        counts.added++;
      }
    }
    document.metadata.version = "1.1.0";
    counts.documentsChanged++;
  }
  return counts;
}

function nationalIds(files) {
  const ids = [];
  for (const [path, { document }] of files) if (path.startsWith("national/")) ids.push(...document.spec.matters.map((m) => m.id));
  return ids;
}

// ---------------------------------------------------------------------------------------------------------
// Writing

function countMatters(files) {
  let lists = 0;
  let defined = 0;
  let patches = 0;
  let notApplicable = 0;
  let items = 0;
  let departments = 0;
  for (const { document } of files.values()) {
    if (document.kind === "Checklist") {
      lists += 1;
      defined += document.spec.matters.length;
      patches += document.spec.patches?.length ?? 0;
      notApplicable += document.spec.notApplicable?.length ?? 0;
    }
    if (document.kind === "ItemCatalog") items += document.spec.items.length;
    if (document.kind === "DepartmentRegistry") departments += document.spec.departments.length;
  }
  return { files: files.size, checklists: lists, matters: defined, patches, notApplicable, items, departments };
}

async function writeCorpus(files, folder) {
  await rm(folder, { recursive: true, force: true });
  let bytes = 0;
  const folders = new Set();
  for (const path of files.keys()) folders.add(dirname(join(folder, "checklists", path)));
  for (const path of folders) await mkdir(path, { recursive: true });
  for (const [path, file] of files) {
    const text = toYaml(file.document, { schema: file.schema, comment: file.comment });
    bytes += Buffer.byteLength(text);
    await writeFile(join(folder, "checklists", path), text);
  }
  return bytes;
}

/** Generates the requested variants and writes a manifest.json beside each; returns the manifests. */
export async function generate({ seed = 20240116, variants = ["a", "b"], out = join(HERE, "corpus"), scale = 1 } = {}) {
  const manifests = {};
  for (const variant of variants) {
    const files = buildCorpus(seed, scale);
    const edits = variant === "b" ? editCorpus(files, seed) : undefined;
    const folder = resolve(out, variant);
    const bytes = await writeCorpus(files, folder);
    const manifest = { seed, scale, variant, ...countMatters(files), bytes, ...(edits ? { edits } : {}) };
    await writeFile(join(folder, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    manifests[variant] = manifest;
  }
  return manifests;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { seed: { type: "string", default: "20240116" }, variant: { type: "string", default: "both" }, out: { type: "string" }, scale: { type: "string", default: "1" } } });
  const variants = values.variant === "both" ? ["a", "b"] : [values.variant];
  if (!variants.every((variant) => variant === "a" || variant === "b")) {
    process.stderr.write(`--variant must be a, b or both, not ${values.variant}\n`);
    process.exit(2);
  }
  const started = performance.now();
  const manifests = await generate({ seed: Number(values.seed), scale: Number(values.scale), variants, ...(values.out ? { out: resolve(values.out) } : {}) });
  for (const manifest of Object.values(manifests)) process.stdout.write(`${JSON.stringify(manifest)}\n`);
  process.stdout.write(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
