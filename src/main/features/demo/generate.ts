// Makes the sample world as plain rows (snake_case columns, no row metadata): companies with
// their contacts, tags on them, and a timeline. One generator feeds both the small seeder (through
// the ChangeSet) and the bulk seeder (prepared statements), group by group to bound memory.
import { ACTIVITY_KINDS, type ActivityKind } from '../../../shared/activities';
import { COMPANY_CATEGORIES, COMPANY_SIZES } from '../../../shared/companies';
import { newId } from '../../core/ids';
import { nameKey, namePinyin } from '../search';
import {
  activityText,
  BRAND_CHARS,
  CITIES,
  ENGLISH_FIRST,
  ENGLISH_LAST,
  GIVEN_CHARS,
  INDUSTRIES,
  MAIL_DOMAINS,
  MOBILE_PREFIXES,
  SOURCES,
  SURNAMES,
  TAGS,
  TITLES,
} from './dictionary';
import { createRandom, weightedTable, type Random } from './random';

type Columns = Record<string, string | number | null>;
export interface SeedRow {
  id: string;
  columns: Columns;
  /** When it was "created": spread over two years so reports have a history. */
  createdAt: string;
}
export interface ContactSeed extends SeedRow {
  tagIds: string[];
  activities: SeedRow[];
}
export interface SeedGroup {
  company: (SeedRow & { tagIds: string[] }) | null;
  contacts: ContactSeed[];
}
export interface SeedTag {
  id: string;
  name: string;
  color: string;
}

const DAY = 86_400_000;
// Real area codes, so that stored landlines pass the same validation as typed ones.
const AREA_CODES = ['010', '020', '021', '022', '023', '025', '027', '028', '029', '0755', '0571', '0512', '0769', '0757', '0574', '0532', '0592'];
const CATEGORY = weightedTable(COMPANY_CATEGORIES.map((c, i) => [c, [5, 4, 1, 1][i]] as const));
const SIZE = weightedTable(COMPANY_SIZES.map((s, i) => [s, [4, 5, 3, 1, 0.3][i]] as const));

export const makeTags = (): SeedTag[] => TAGS.map(([name, color]) => ({ id: newId(), name, color }));

function chineseName(r: Random): string {
  const given = r.chance(0.3) ? r.pick(GIVEN_CHARS) : r.pick(GIVEN_CHARS) + r.pick(GIVEN_CHARS);
  return r.weighted(SURNAMES) + given;
}

/** 85% Chinese, 8% "Kevin 张" style, 7% English (as in perf-limits.md). */
function personName(r: Random): string {
  const x = r.next();
  if (x < 0.85) return chineseName(r);
  if (x < 0.93) return `${r.pick(ENGLISH_FIRST)} ${r.chance(0.5) ? r.weighted(SURNAMES) : chineseName(r)}`;
  return `${r.pick(ENGLISH_FIRST)} ${r.pick(ENGLISH_LAST)}`;
}

const mobile = (r: Random) => r.pick(MOBILE_PREFIXES) + r.digits(8);
const isoDay = (ms: number) => new Date(ms).toISOString();

function companyOf(r: Random, now: number): SeedRow & { tagIds: string[] } {
  const [city, province, districts] = r.pick(CITIES);
  const [industry, word] = r.pick(INDUSTRIES);
  const brand = r.pick(BRAND_CHARS) + r.pick(BRAND_CHARS);
  const name = `${city}${brand}${word}有限公司`;
  const brandPy = namePinyin(brand).py;
  return {
    id: newId(),
    createdAt: isoDay(now - r.int(1, 730) * DAY),
    tagIds: [],
    columns: {
      name,
      name_py: namePinyin(name).py,
      name_key: nameKey(name),
      industry,
      size: r.weighted(SIZE),
      province,
      city,
      district: districts.length ? r.pick(districts) : null,
      address: `${r.pick(['人民路', '建设路', '中山路', '解放路', '科技园路', '工业大道'])}${r.int(1, 999)}号`,
      website: r.chance(0.6) ? `www.${brandPy}${r.pick(['', 'tech', 'group', String(r.int(1, 99))])}.${r.pick(['com', 'cn', 'com.cn'])}` : null,
      phone: r.chance(0.7) ? `${r.pick(AREA_CODES)}-${r.int(2, 8)}${r.digits(7)}` : null,
      source: r.pick(SOURCES),
      category: r.weighted(CATEGORY),
      notes: null,
      custom: '{}',
      last_contacted_at: null,
    },
  };
}

function contactOf(r: Random, company: SeedRow | null, now: number): ContactSeed {
  const name = personName(r);
  const { py, initials } = namePinyin(name);
  const c = company?.columns;
  const [city, province] = c ? [c.city, c.province] : r.pick(CITIES);
  const domain = c?.website && r.chance(0.5) ? String(c.website).replace(/^www\./, '') : r.pick(MAIL_DOMAINS);
  return {
    id: newId(),
    createdAt: isoDay(now - r.int(1, 730) * DAY),
    tagIds: [],
    activities: [],
    columns: {
      name,
      name_py: py,
      name_initials: initials,
      name_key: nameKey(name),
      gender: r.pick(['male', 'female', 'unknown']),
      title: c && r.chance(0.8) ? r.pick(TITLES) : null,
      mobiles: JSON.stringify(r.chance(0.97) ? (r.chance(0.1) ? [mobile(r), mobile(r)] : [mobile(r)]) : []),
      landline: c?.phone && r.chance(0.3) ? String(c.phone) : null,
      emails: JSON.stringify(r.chance(0.75) ? [`${py.replace(/[^a-z0-9]/g, '') || 'kehu'}${r.chance(0.5) ? r.digits(3) : ''}@${domain}`] : []),
      wechat: r.chance(0.4) ? `${py.replace(/[^a-z0-9]/g, '').slice(0, 12)}_${r.digits(4)}` : null,
      qq: r.chance(0.2) ? String(r.int(10000, 999999999)) : null,
      province: province as string,
      city: city as string,
      district: null,
      address: null,
      birthday: r.chance(0.3) ? `${r.int(1960, 2000)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}` : null,
      company_id: company?.id ?? null,
      notes: r.chance(0.1) ? '喜欢喝茶，周末一般不接电话' : null,
      custom: '{}',
      last_contacted_at: null,
    },
  };
}

function activitiesOf(r: Random, subjectId: string, companyId: string | null, since: number, now: number): SeedRow[] {
  return Array.from({ length: r.int(0, 2) }, () => {
    const kind: ActivityKind = r.pick(ACTIVITY_KINDS);
    const at = isoDay(since + r.next() * (now - since));
    return {
      id: newId(),
      createdAt: at,
      columns: { subject_type: 'contact', subject_id: subjectId, company_id: companyId, kind, occurred_at: at, content: activityText(kind, r.pick) },
    };
  });
}

const newest = (times: (string | number | null)[]) =>
  times.filter((t): t is string => typeof t === 'string').sort().pop() ?? null;

/** Groups of one company and its contacts (or loose contacts), until `contacts` are made. */
export function* generateWorld(seed: number, contacts: number, tags: SeedTag[], now = Date.now()): Generator<SeedGroup> {
  const r = createRandom(seed);
  const pickTags = () => [...new Set(Array.from({ length: r.int(0, 3) - (r.chance(0.5) ? 1 : 0) }, () => r.pick(tags).id))];
  for (let made = 0; made < contacts; ) {
    const size = Math.min(contacts - made, r.int(1, 23));
    const company = r.chance(0.85) ? companyOf(r, now) : null;
    if (company) company.tagIds = pickTags();
    const people = Array.from({ length: size }, () => contactOf(r, company, now));
    for (const p of people) {
      p.tagIds = pickTags();
      p.activities = activitiesOf(r, p.id, company?.id ?? null, Date.parse(p.createdAt), now);
      p.columns.last_contacted_at = newest(p.activities.map((a) => a.columns.occurred_at));
    }
    if (company) company.columns.last_contacted_at = newest(people.map((p) => p.columns.last_contacted_at));
    made += size;
    yield { company, contacts: people };
  }
}
