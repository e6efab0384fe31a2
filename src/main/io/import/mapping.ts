// Column mapping: headers (Chinese, English, Google Contacts, Outlook, Kehu export) → targets, the
// built-in presets, and a raw row → the input of ContactFields / CompanyFields (the form's schema).
import { COMPANY_TARGETS, CONTACT_TARGETS, headerKey, MULTI_TARGETS, type ColumnMapping, type IoEntity, type SavedMapping } from '../../../shared/io';
import { hasHan } from '../../../shared/han';
import { normalizeCnLandline, normalizeEmail, normalizeMobile } from '../../../shared/validation';
import { unneutralise } from '../export/cells';
import { customHeaders, MULTI_SEPARATOR, OTHER_SEPARATORS, ownHeaders, RECORD_ID_HEADER } from '../export/columns';

const CONTACT_HEADERS: Record<string, string[]> = {
  name: ['姓名', '名字', '联系人', '联系人姓名', '客户姓名', '客户名称', 'name', 'fullname', 'displayname', 'contactname'],
  firstName: ['firstname', 'givenname', '名'],
  lastName: ['lastname', 'familyname', 'surname', '姓'],
  gender: ['性别', 'gender', 'sex'],
  title: ['职位', '职务', '头衔', '岗位', 'jobtitle', 'title', 'organization1title', 'organizationtitle', 'position'],
  mobiles: ['手机', '手机号', '手机号码', '移动电话', '电话', '联系电话', '电话号码', '联系方式', 'mobile', 'mobilephone', 'cellphone', 'cell', 'phone', 'phonenumber', 'primaryphone'],
  landline: ['座机', '固话', '固定电话', '办公电话', '公司电话', 'businessphone', 'homephone', 'workphone', 'telephone', 'landline', 'tel'],
  emails: ['邮箱', '电子邮件', '电子邮箱', '邮件', 'email', 'emailaddress', 'mail'],
  wechat: ['微信', '微信号', 'wechat', 'weixin'],
  qq: ['qq', 'qq号', 'qq号码'],
  province: ['省', '省份', '所在省', 'province', 'state', 'region', 'businessstate', 'homestate', 'address1region'],
  city: ['市', '城市', '所在城市', 'city', 'businesscity', 'homecity', 'address1city'],
  district: ['区', '区县', '县区', '区域', 'district'],
  address: ['地址', '详细地址', '联系地址', '通讯地址', 'address', 'street', 'businessstreet', 'homestreet', 'businessaddress', 'homeaddress', 'address1formatted', 'address1street'],
  birthday: ['生日', '出生日期', '出生年月', 'birthday', 'birthdate', 'dateofbirth'],
  company: ['公司', '单位', '公司名称', '工作单位', '所属公司', '企业', 'company', 'companyname', 'organization', 'organization1name', 'organizationname', 'organisation'],
  notes: ['备注', '说明', '描述', 'notes', 'note', 'comment', 'comments', 'description'],
  tags: ['标签', 'tags', 'tag', 'labels', 'categories', 'groupmembership'],
  // Our export's header only: other programs' "Record ID" columns hold their own ids.
  recordId: [RECORD_ID_HEADER, 'kehuid'],
};

const COMPANY_HEADERS: Record<string, string[]> = {
  name: ['公司名称', '公司', '名称', '企业名称', '客户名称', '单位', '单位名称', 'name', 'company', 'companyname', 'organization'],
  industry: ['行业', '所属行业', 'industry'],
  size: ['规模', '公司规模', '人数', '员工人数', '员工数', 'size', 'employees', 'companysize'],
  province: CONTACT_HEADERS.province!,
  city: CONTACT_HEADERS.city!,
  district: CONTACT_HEADERS.district!,
  address: CONTACT_HEADERS.address!,
  website: ['网站', '网址', '官网', '主页', 'website', 'webpage', 'url', 'homepage', 'web'],
  phone: ['电话', '联系电话', '座机', '固话', '公司电话', '手机', 'phone', 'telephone', 'tel', 'businessphone', 'phonenumber'],
  source: ['来源', '客户来源', 'source', 'leadsource'],
  category: ['类别', '分类', '客户类别', '客户类型', '类型', 'category', 'type', 'status'],
  notes: CONTACT_HEADERS.notes!,
  tags: CONTACT_HEADERS.tags!,
  recordId: CONTACT_HEADERS.recordId!,
};

/** Header key → its target and its rank among that target's names (a lower rank fits it better). */
function lookupTable(entity: IoEntity): Map<string, { target: string; rank: number }> {
  const table = new Map<string, { target: string; rank: number }>();
  for (const [target, names] of Object.entries(entity === 'contact' ? CONTACT_HEADERS : COMPANY_HEADERS)) {
    names.forEach((n, rank) => table.set(headerKey(n), { target, rank }));
  }
  return table;
}
const LOOKUP: Record<IoEntity, Map<string, { target: string; rank: number }>> = { contact: lookupTable('contact'), company: lookupTable('company') };

/** The target a header suggests, or null. Numbered Google columns (`Phone 2 - Value`) included. */
export function targetOfHeader(entity: IoEntity, header: string): string | null {
  const k = headerKey(header);
  if (!k) return null;
  const direct = LOOKUP[entity].get(k);
  if (direct) return direct.target;
  if (entity === 'contact') {
    if (/^phone\d+value$/.test(k)) return 'mobiles';
    if (/^e?mail\d+(value|address)$/.test(k) || /^email\daddress$/.test(k)) return 'emails';
    if (/^(mobile|cell)(phone)?\d*$/.test(k)) return 'mobiles';
    if (/^(business|home|work)phone\d*$/.test(k)) return 'landline';
    if (/^手机\d*$/.test(k) || /^电话\d*$/.test(k)) return 'mobiles';
    if (/^邮箱\d*$/.test(k)) return 'emails';
  } else if (/^(phone|电话)\d*$/.test(k)) return 'phone';
  return null;
}

const EXPORT_HEADERS: Record<IoEntity, Set<string>> = { contact: new Set(ownHeaders('contact')), company: new Set(ownHeaders('company')) };

/**
 * A header → its custom target. Our export's own headers first, exactly (two fields labelled 备用
 * are 备用 and 备用(2); 客户-等级 and 客户等级 differ only in a dash); then, for other files, a
 * header matching a label (or "label(2)"…) loosely, the first field keeping a key two would share.
 */
function customTargets(entity: IoEntity, custom: CustomLabel[]): (header: string) => string | undefined {
  const exact = new Map(customHeaders(entity, custom.map((f) => f.label)).map((h, i) => [h, `custom:${custom[i]!.id}`]));
  const loose = new Map<string, string>();
  for (const f of custom) {
    for (let n = 1; n <= 9; n++) {
      const k = headerKey(n === 1 ? f.label : `${f.label}(${n})`);
      if (!loose.has(k)) loose.set(k, `custom:${f.id}`);
    }
  }
  return (header) => exact.get(header.trim()) ?? loose.get(headerKey(header));
}

/** A custom field as the mapping knows it: its column in our export is headed by its label. */
export interface CustomLabel {
  id: string;
  label: string;
}

/**
 * Suggested mapping for a file's headers. A header that is a custom field's label goes to that
 * field (our export heads its column so). A target that takes one column takes the header that
 * fits it best (a company's 座机 before its 手机, as a vCard has both), else the first.
 */
export function suggestMapping(entity: IoEntity, headers: string[], custom: CustomLabel[] = []): ColumnMapping {
  const customOf = customTargets(entity, custom);
  const mapping: ColumnMapping = {};
  const single = new Map<string, { col: number; rank: number }>();
  headers.forEach((h, i) => {
    // Our CSV export neutralises a label such as "=折扣" in its header ("'=折扣") as in any cell.
    const t = (EXPORT_HEADERS[entity].has(h) ? null : customOf(unneutralise(h))) ?? targetOfHeader(entity, h);
    if (!t) return;
    if (MULTI_TARGETS.has(t)) mapping[String(i)] = t;
    const rank = LOOKUP[entity].get(headerKey(h))?.rank ?? Infinity;
    const best = single.get(t);
    if (!MULTI_TARGETS.has(t) && (!best || rank < best.rank)) single.set(t, { col: i, rank });
  });
  for (const [t, { col }] of single) mapping[String(col)] = t;
  return mapping;
}

/** Our record ids: UUIDs (core/ids.ts newId), as our export writes them. */
const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isRecordId = (cell: string) => RECORD_ID.test(cell);

/**
 * A suggested 记录ID column none of whose sample cells is one of our ids (another program's
 * "记录ID" of 1001, 1002 …) is not imported: its rows would be refused, and rows with ids are not
 * checked against each other as duplicates. One of ours among them keeps it (a cell mistyped in
 * our export is refused with its row).
 */
export function withoutForeignIds(mapping: ColumnMapping, sample: string[][]): ColumnMapping {
  const out = { ...mapping };
  for (const [col, target] of Object.entries(mapping)) {
    if (target !== 'recordId') continue;
    const cells = sample.map((row) => row[Number(col)]?.trim() ?? '').filter(Boolean);
    if (cells.length > 0 && !cells.some(isRecordId)) out[col] = 'ignore';
  }
  return out;
}

const GOOGLE: Record<string, string> = {
  Name: 'name', 'Given Name': 'firstName', 'Family Name': 'lastName', 'First Name': 'firstName', 'Last Name': 'lastName',
  Birthday: 'birthday', Notes: 'notes', Gender: 'gender',
  'E-mail 1 - Value': 'emails', 'E-mail 2 - Value': 'emails', 'E-mail 3 - Value': 'emails',
  'Phone 1 - Value': 'mobiles', 'Phone 2 - Value': 'mobiles', 'Phone 3 - Value': 'mobiles',
  'Organization 1 - Name': 'company', 'Organization 1 - Title': 'title', 'Organization Name': 'company', 'Organization Title': 'title',
  Labels: 'tags', 'Group Membership': 'tags',
  'Address 1 - Formatted': 'address', 'Address 1 - City': 'city', 'Address 1 - Region': 'province',
};
const OUTLOOK: Record<string, string> = {
  Name: 'name', 'First Name': 'firstName', 'Last Name': 'lastName', Company: 'company', 'Job Title': 'title',
  'E-mail Address': 'emails', 'E-mail 2 Address': 'emails', 'E-mail 3 Address': 'emails',
  'Mobile Phone': 'mobiles', 'Business Phone': 'landline', 'Home Phone': 'landline',
  'Business Street': 'address', 'Business City': 'city', 'Business State': 'province',
  Birthday: 'birthday', Notes: 'notes', Categories: 'tags', Gender: 'gender',
};
const KEHU_CONTACT: Record<string, string> = {
  姓名: 'name', 性别: 'gender', 职位: 'title', 手机: 'mobiles', 座机: 'landline', 邮箱: 'emails', 微信: 'wechat', QQ: 'qq',
  省: 'province', 市: 'city', 区: 'district', 地址: 'address', 生日: 'birthday', 公司: 'company', 备注: 'notes', 标签: 'tags',
  [RECORD_ID_HEADER]: 'recordId',
};
const KEHU_COMPANY: Record<string, string> = {
  公司名称: 'name', 名称: 'name', 行业: 'industry', 规模: 'size', 省: 'province', 市: 'city', 区: 'district', 地址: 'address',
  网站: 'website', 电话: 'phone', 来源: 'source', 类别: 'category', 备注: 'notes', 标签: 'tags',
  [RECORD_ID_HEADER]: 'recordId',
};

export const PRESETS: SavedMapping[] = [
  { id: 'preset-google', name: 'Google Contacts CSV', entity: 'contact', columns: GOOGLE, builtin: true },
  { id: 'preset-outlook', name: 'Outlook CSV', entity: 'contact', columns: OUTLOOK, builtin: true },
  { id: 'preset-kehu-contact', name: 'Kehu export', entity: 'contact', columns: KEHU_CONTACT, builtin: true },
  { id: 'preset-kehu-company', name: 'Kehu export', entity: 'company', columns: KEHU_COMPANY, builtin: true },
];

/** Refuses a target the entity does not have (returns the bad ones). */
export function badTargets(entity: IoEntity, mapping: ColumnMapping): string[] {
  const allowed = new Set<string>(entity === 'contact' ? CONTACT_TARGETS : COMPANY_TARGETS);
  return Object.values(mapping).filter((t) => t !== 'ignore' && !t.startsWith('custom:') && !allowed.has(t));
}

// ---- Values ---------------------------------------------------------------------------------------

// Google Contacts writes several values of one cell joined by " ::: ".
// The export's separator and the others (export/columns.ts OTHER_SEPARATORS, which the export
// checks a lone value against), with the spaces and repeats around them.
const LIST_SPLIT = new RegExp(`(?:\\s*(?:${OTHER_SEPARATORS.source}|${MULTI_SEPARATOR})\\s*)+`);
export const splitList = (v: string) => v.split(LIST_SPLIT).map((s) => s.trim()).filter(Boolean);
/** A list cell as our export joins it: by ';' only (a value may hold a comma or 、). */
const splitExported = (v: string) => v.split(MULTI_SEPARATOR).map((s) => s.trim()).filter(Boolean);
/** Tags: a cell with ';' (our export's separator) is split on ';' only. */
const splitTags = (v: string) => (v.includes(MULTI_SEPARATOR) ? splitExported(v) : splitList(v));

function gender(v: string): string {
  const k = v.trim().toLowerCase();
  if (['男', 'male', 'm', '先生', '男性'].includes(k)) return 'male';
  if (['女', 'female', 'f', '女士', '女性', '小姐'].includes(k)) return 'female';
  return 'unknown';
}

/** 1990/1/2, 1990-1-2, 1990.1.2, 1990年1月2日, 19900102, 2-digit months/days; otherwise as given. */
export function normalizeDate(v: string): string {
  const s = v.trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return s;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

const CATEGORY: Record<string, string> = {
  潜在客户: 'prospect', 潜在: 'prospect', prospect: 'prospect', lead: 'prospect',
  现有客户: 'customer', 现有: 'customer', 客户: 'customer', customer: 'customer', active: 'customer',
  重要客户: 'key', 重要: 'key', vip: 'key', key: 'key',
  流失客户: 'lost', 流失: 'lost', lost: 'lost', churned: 'lost',
};

/** "10人以下", "少于50人", "<50", "under 50": the number is an upper bound. */
const UPPER_BOUND = /以下|以内|少于|不足|小于|under|less|below|^</i;

/** A head count as people write it (1,200人, 1000-4999, 10人以下) → one of the size ranges. */
function companySize(v: string): string {
  const s = v.normalize('NFKC').replace(/\s/g, '').replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (['1-9', '10-49', '50-199', '200-999', '1000+'].includes(s)) return s;
  const first = /\d+/.exec(s);
  if (!first) return v.trim();
  const n = Number(first[0]) - (UPPER_BOUND.test(s) ? 1 : 0);
  return n < 10 ? '1-9' : n < 50 ? '10-49' : n < 200 ? '50-199' : n < 1000 ? '200-999' : '1000+';
}

/**
 * The "all contacts" groups Google (its CSV's Labels) and Android phones (a vCard's CATEGORIES) put
 * every contact in: no tag. Google's other groups lose their '* '.
 */
const ALL_CONTACTS_GROUPS = new Set(['* myContacts', 'myContacts', 'My Contacts']);
const tagName = (label: string) => label.replace(/^\* /, '');

/** What people type in a company cell for "no company": no letter or digit at all, or a word for none. */
const NO_COMPANY = new Set(['无', '暂无', '没有', '个人', 'n/a', 'none', 'null']);
const isNoCompany = (cell: string) => !/[\p{L}\p{N}]/u.test(cell) || NO_COMPANY.has(cell.toLowerCase());

/** A birthday without its year (Google's --03-15, vCard's --0315): a day we cannot store as a date. */
const YEARLESS_DAY = /^--(\d{2})-?(\d{2})$/;

export interface MappedRow {
  /** Input for ContactFields / CompanyFields (companyId and tagIds filled later). */
  input: Record<string, unknown>;
  /** Company name (contacts), tag names: resolved to ids when written. */
  companyName: string | null;
  tagNames: string[];
  /** Custom values by field id, raw strings (converted against the definitions later). */
  custom: Record<string, string>;
  /** Fields whose cells were not empty (what an update may write). */
  provided: Set<string>;
  /** The record id of our export's 记录ID column: the row is that record, when it is here. */
  recordId: string | null;
}

/** A mapping's used columns as [cell index, target] (an import maps every row with the same mapping object). */
const COMPILED = new WeakMap<ColumnMapping, [number, string][]>();

function usedColumns(mapping: ColumnMapping): [number, string][] {
  let used = COMPILED.get(mapping);
  if (!used) {
    used = Object.entries(mapping).flatMap(([col, target]): [number, string][] => (target === 'ignore' ? [] : [[Number(col), target]]));
    COMPILED.set(mapping, used);
  }
  return used;
}

const ZERO_WIDTH = /[\u200b-\u200d\ufeff]/;
/**
 * Every zero-width character but a joiner inside an emoji (👨‍👩‍👧 is three emoji joined: a family;
 * 👩🏽‍💻 joins after a skin tone, 🏳️‍🌈 after a variation selector).
 */
const ZERO_WIDTH_ALL = /[\u200b\u200c\ufeff]|(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}]\ufe0f?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;
/** Excel's way to keep a number as text in a CSV: ="0013800138000". */
const EXCEL_TEXT = /^="(.*)"$/s;

/** A cell's text as a person meant it. */
function cellText(cell: string): string {
  // Our export writes '=x for =x (formula neutralising), and the vCard reader marks its text so
  // (read/types.ts Row.values): a marked cell is the text as it was stored, ="x" included; only an
  // unmarked one is Excel's text.
  const unmarked = unneutralise(cell);
  let text = unmarked.trim();
  if (unmarked === cell && text.charCodeAt(0) === 61) text = text.replace(EXCEL_TEXT, '$1');
  // Invisible characters copied from web pages and chat apps would defeat duplicate detection.
  return ZERO_WIDTH.test(text) ? text.replace(ZERO_WIDTH_ALL, '').trim() : text;
}

/** A raw row through the mapping: cells → field inputs, lists split, names combined. */
export function mapRow(entity: IoEntity, mapping: ColumnMapping, values: string[]): MappedRow {
  const input: Record<string, unknown> = {};
  const lists: Record<string, string[]> = { mobiles: [], emails: [], tags: [], notes: [] };
  const custom: Record<string, string> = {};
  let first = '';
  let last = '';
  let companyName: string | null = null;
  let recordId: string | null = null;
  let yearless = '';
  for (const [col, target] of usedColumns(mapping)) {
    const raw = cellText(values[col] ?? '');
    if (!raw) continue;
    if (target.startsWith('custom:')) custom[target.slice(7)] = raw;
    else if (target === 'mobiles' || target === 'emails') lists[target]!.push(...splitList(raw));
    else if (target === 'tags') lists.tags!.push(...splitTags(raw));
    else if (target === 'notes') lists.notes!.push(raw);
    else if (target === 'firstName') first = raw;
    else if (target === 'lastName') last = raw;
    else if (target === 'company') companyName = isNoCompany(raw) ? null : raw;
    else if (target === 'recordId') recordId = raw;
    else if (target === 'gender') input.gender = gender(raw);
    else if (target === 'birthday' && YEARLESS_DAY.test(raw)) yearless = raw.replace(YEARLESS_DAY, '生日：$1-$2');
    else if (target === 'birthday') input.birthday = normalizeDate(raw);
    else if (target === 'category') input.category = CATEGORY[raw.toLowerCase()] ?? raw;
    else if (target === 'size') input.size = companySize(raw);
    else if (target === 'qq') input.qq = raw.replace(/\s/g, '');
    else input[target] = raw;
  }
  if (!input.name && (first || last)) input.name = hasHan(first + last) ? `${last}${first}` : [first, last].filter(Boolean).join(' ');
  // A birthday without its year cannot be stored as one (the form takes YYYY-MM-DD): kept in the notes.
  if (yearless) lists.notes!.push(yearless);
  if (lists.notes!.length) input.notes = lists.notes!.join('\n');
  if (entity === 'contact') {
    // A landline in a phone column goes to the landline (when free) instead of failing as a mobile.
    // A vCard's numbers come sorted by the reader (read/vcard.ts cardToRow), which alone sees a TEL's
    // TYPE, its label and our own export's PRODID, and puts what no column takes in the notes; here
    // a number that fits no column refuses the row, for the person to correct the file.
    const mobiles = new Map<string, string>();
    for (const m of lists.mobiles!) {
      const number = normalizeMobile(m);
      if (!number && !input.landline && normalizeCnLandline(m)) input.landline = m;
      // Once per number however written (138-0013-8000, +86 13800138000): the form keeps duplicates.
      else if (!mobiles.has(number ?? m)) mobiles.set(number ?? m, m);
    }
    if (mobiles.size) input.mobiles = [...mobiles.values()];
    const emails = new Map(lists.emails!.map((e) => [normalizeEmail(e) ?? e, e]));
    if (emails.size) input.emails = [...emails.values()];
  }
  const provided = new Set(Object.keys(input).filter((k) => input[k] !== undefined && input[k] !== ''));
  if (companyName) provided.add('companyId');
  const tagNames = new Set(lists.tags!.filter((t) => !ALL_CONTACTS_GROUPS.has(t)).map(tagName));
  return { input, companyName, tagNames: [...tagNames], custom, provided, recordId };
}
