import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import { hasHan } from '../../../shared/han';
import { LIMITS, normalizeCnLandline, normalizeCnMobile, normalizeMobile } from '../../../shared/validation';
import { neutralise } from '../export/cells';
import { joined } from '../export/columns';
import { KEHU_PRODID } from '../export/vcard';
import { decodedChunks } from './csv';
import { chooseEncoding, detectEncoding, encodingName, isEastAsianText, isValidUtf8 } from './encoding';
import { readHead } from './sniff';
import { isEmptyRow, VCARD_HEADERS, type ReadOptions, type Row, type SourceInfo } from './types';

/*
 * vCard 2.1 / 3.0 / 4.0 reader. Lines are handled as "binary" strings (one char per byte) so that each
 * property can be decoded with its own CHARSET (Android writes CHARSET=UTF-8 QUOTED-PRINTABLE, old
 * Chinese phones GBK, Outlook raw Windows-1252), and only then turned into text.
 */

interface Prop {
  group: string;
  name: string;
  params: Map<string, string[]>;
  /** Decoded text value (escapes not yet resolved). */
  value: string;
}

const BLOBS = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY', 'X-MS-CARDPICTURE', 'X-MS-OL-DESIGN']);

/** Physical lines of the file as binary strings (UTF-16 files are converted to UTF-8 bytes first). */
async function* binaryLines(path: string, fileEncoding: string): AsyncGenerator<string> {
  const chunks: AsyncIterable<string> = fileEncoding.startsWith('utf-16')
    ? (async function* () {
        for await (const s of decodedChunks(path, fileEncoding)) yield Buffer.from(s, 'utf8').toString('latin1');
      })()
    : (async function* () {
        const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
        try {
          for await (const b of stream) yield (b as Buffer).toString('latin1');
        } finally {
          stream.destroy();
        }
      })();
  let carry = '';
  let skipLf = false;
  let first = true;
  for await (let s of chunks) {
    if (first) {
      if (s.startsWith('\u00ef\u00bb\u00bf')) s = s.slice(3);
      first = false;
    }
    if (skipLf && s.startsWith('\n')) s = s.slice(1);
    skipLf = false;
    let text = carry + s;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      yield text.slice(start, i);
      if (c === 13) {
        if (i + 1 < text.length) {
          if (text.charCodeAt(i + 1) === 10) i++;
        } else skipLf = true;
      }
      start = i + 1;
    }
    carry = text.slice(start);
    text = '';
  }
  if (carry) yield carry;
}

/** Splits on `sep` outside double quotes. */
function splitOutsideQuotes(s: string, sep: string): string[] {
  const out: string[] = [];
  let q = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') q = !q;
    else if (c === sep && !q) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

function colonIndex(line: string): number {
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') q = !q;
    else if (c === ':' && !q) return i;
  }
  return -1;
}

interface RawProp {
  group: string;
  name: string;
  params: Map<string, string[]>;
  raw: string;
}

function parseLine(line: string): RawProp | null {
  const colon = colonIndex(line);
  if (colon <= 0) return null;
  const head = splitOutsideQuotes(line.slice(0, colon), ';');
  const fullName = head[0].trim();
  const dot = fullName.lastIndexOf('.');
  const name = fullName.slice(dot + 1).toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  const params = new Map<string, string[]>();
  for (const p of head.slice(1)) {
    if (!p.trim()) continue;
    const eq = p.indexOf('=');
    const key = (eq < 0 ? (isEncodingWord(p) ? 'ENCODING' : /^CHARSET$/i.test(p) ? 'X' : 'TYPE') : p.slice(0, eq)).trim().toUpperCase();
    const val = eq < 0 ? p : p.slice(eq + 1);
    const vals = splitOutsideQuotes(val, ',').map((v) => v.trim().replace(/^"|"$/g, ''));
    params.set(key, [...(params.get(key) ?? []), ...vals.flatMap((v) => v.split(','))]);
  }
  return { group: dot > 0 ? fullName.slice(0, dot).toUpperCase() : '', name, params, raw: line.slice(colon + 1) };
}

const isEncodingWord = (p: string): boolean => /^(QUOTED-PRINTABLE|BASE64|B|8BIT|7BIT)$/i.test(p.trim());

const isQp = (params: Map<string, string[]>): boolean => (params.get('ENCODING') ?? []).some((e) => /^QUOTED-PRINTABLE$/i.test(e));

function headIsQp(line: string): boolean {
  const colon = colonIndex(line);
  return colon > 0 && /QUOTED-PRINTABLE/i.test(line.slice(0, colon));
}

function headName(line: string): string {
  const m = /^(?:[^.:;]*\.)?([A-Za-z0-9-]+)/.exec(line);
  return m ? m[1].toUpperCase() : '';
}

/** How one file's property values are decoded: its own encoding, and what each CHARSET name stands for. */
interface Decoding {
  fallback: string;
  /** CHARSET → iconv name, or null when absent or unknown (e.g. "Murks"). */
  charset(name: string | undefined): string | null;
}

/**
 * A file names the same few charsets property after property: each name is looked up once, as
 * iconv-lite tells an unknown one only by throwing (inside encodingExists). Per file, so a file full
 * of made-up names cannot grow a cache that outlives it.
 */
function decodingFor(fallback: string): Decoding {
  const known = new Map<string, string | null>();
  return {
    fallback,
    charset(name) {
      if (!name) return null;
      let enc = known.get(name);
      if (enc === undefined) known.set(name, (enc = encodingName(name)));
      return enc;
    },
  };
}

/** East-Asian double-byte encodings: in these, short text is often valid UTF-8 too by accident. */
const DOUBLE_BYTE = /^(gb|big5|cp9(32|36|49|50)|shift|sjis|windows-31j|euc-|ks-c)/;

/**
 * Bytes (binary string) → text, in the property's CHARSET, else the file's encoding. Bytes that are
 * valid UTF-8 too are ambiguous: GBK 谢伟 is valid UTF-8 "лΰ", and Android writes UTF-8 under a
 * CHARSET=SHIFT_JIS it does not use. So the UTF-8 reading wins when the declared encoding cannot decode
 * the bytes, when that encoding is single-byte (valid UTF-8 from Windows-1252 text is no accident), or,
 * for a double-byte one, when the UTF-8 reading is CJK text: GBK read as UTF-8 gives Cyrillic, Greek, Hebrew.
 */
function decodeBytes(bin: string, charset: string | undefined, decoding: Decoding): string {
  if (!/[\u0080-\u00ff]/.test(bin)) return bin;
  const bytes = Buffer.from(bin, 'latin1');
  const utf8 = isValidUtf8(bytes, false) ? bytes.toString('utf8') : null;
  const fallback = decoding.fallback;
  let enc = decoding.charset(charset) ?? fallback;
  if (enc === 'utf-8') {
    if (utf8 !== null) return utf8;
    enc = fallback === 'utf-8' ? detectEncoding(bytes, false) : fallback;
  }
  if (utf8 !== null && !DOUBLE_BYTE.test(enc)) return utf8;
  const text = iconv.decode(bytes, enc);
  if (utf8 === null) return text;
  if (text.includes('\ufffd')) return utf8;
  return isEastAsianText(utf8) ? utf8 : text;
}

function decodeQp(bin: string): string {
  return bin.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function toProp(r: RawProp, decoding: Decoding): Prop {
  let bin = r.raw;
  if (isQp(r.params)) bin = decodeQp(bin);
  const charset = r.params.get('CHARSET')?.[0];
  return { group: r.group, name: r.name, params: r.params, value: decodeBytes(bin, charset, decoding) };
}

/** Resolves vCard escapes (\\ \; \, \n \N \:). */
export function unescapeText(s: string): string {
  return s.replace(/\\([\\;,nN:"])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits a structured value on unescaped ';' (a list value such as CATEGORIES on ','), unescaping each component. */
export function components(s: string, separator: ';' | ',' = ';'): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[i + 1];
      i++;
    } else if (c === separator) {
      out.push(unescapeText(cur).trim());
      cur = '';
    } else cur += c;
  }
  out.push(unescapeText(cur).trim());
  return out;
}

/** BDAY → YYYY-MM-DD (or --MM-DD without a year); anything unrecognised is returned as is. */
export function normalizeBirthday(v: string): string {
  const s = v.trim();
  const ok = (mm: string, dd: string): boolean => +mm >= 1 && +mm <= 12 && +dd >= 1 && +dd <= 31;
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(s);
  if (m && ok(m[2], m[3])) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^--(\d{2})-?(\d{2})$/.exec(s);
  if (m && ok(m[1], m[2])) return `--${m[1]}-${m[2]}`;
  return s;
}

function types(p: Prop): string[] {
  return (p.params.get('TYPE') ?? []).map((t) => t.toLowerCase());
}

/** One card → one row in VCARD_HEADERS order. */
export function cardToRow(props: Prop[]): string[] {
  const labels = new Map<string, string>();
  for (const p of props) if (p.name === 'X-ABLABEL' && p.group) labels.set(p.group, p.value.toLowerCase());
  const first = (name: string): Prop | undefined => props.find((p) => p.name === name && p.value.trim() !== '');
  const all = (name: string): Prop[] => props.filter((p) => p.name === name && p.value.trim() !== '');

  // Several FN (4.0 ALTID/LANGUAGE variants): the one written in Chinese characters wins.
  const fns = all('FN').map((p) => unescapeText(p.value).trim());
  let name = fns.find((f) => hasHan(f)) ?? fns[0] ?? '';
  if (!name) {
    const n = first('N');
    if (n) {
      const [family = '', given = '', middle = ''] = components(n.value);
      name = hasHan(family + given) ? `${family}${middle}${given}` : [given, middle, family].filter(Boolean).join(' ');
    }
  }

  /** Lines added to the notes for what the card has and no column can take. */
  const extraNotes: string[] = [];

  // Each TEL goes to the column whose validation takes it, whatever its TYPE says: a Chinese mobile to
  // 手机, another number valid as a mobile (+E.164) to 手机 when typed CELL, else to 座机 with the
  // landlines (座机 takes one). Numbers neither takes (10086, 95588, an extension alone), a second
  // landline and mobiles beyond the form's limit would reject the contact or be lost: they go to the notes.
  // Kehu's own export types its 座机 WORK and nothing else so: there, WORK wins (a mobile kept as 座机).
  const ownExport = first('PRODID')?.value.trim() === KEHU_PRODID;
  const mobiles: string[] = [];
  const landlines: string[] = [];
  const otherTels: string[] = [];
  for (const p of all('TEL')) {
    const tel = unescapeText(p.value).trim().replace(/^tel:/i, '');
    const t = types(p);
    const label = labels.get(p.group) ?? '';
    if (t.includes('fax') || /fax|传真/.test(label)) continue;
    if (mobiles.includes(tel) || landlines.includes(tel) || otherTels.includes(tel)) continue;
    const typedMobile = t.includes('cell') || t.includes('mobile') || t.includes('iphone') || /mobile|cell|iphone|手机/.test(label);
    if (ownExport && t.includes('work') && (normalizeCnLandline(tel) || normalizeMobile(tel))) landlines.push(tel);
    else if (normalizeCnMobile(tel) || (typedMobile && normalizeMobile(tel))) mobiles.push(tel);
    else if (normalizeCnLandline(tel) || normalizeMobile(tel)) landlines.push(tel);
    else otherTels.push(tel);
  }
  otherTels.push(...landlines.splice(1), ...mobiles.splice(LIMITS.list));
  if (otherTels.length) extraNotes.push(`其他电话：${otherTels.join('、')}`);

  const emails = all('EMAIL').map((p) => {
    const v = unescapeText(p.value).trim();
    const m = /<([^>]+)>/.exec(v);
    return (m ? m[1] : v).trim();
  });

  // ORG is "company;department;sub-department": the company is the first part, the departments lead the title (销售部 经理).
  const [company = '', ...departments] = components(first('ORG')?.value ?? '');
  const title = [...departments, unescapeText(first('TITLE')?.value ?? '').trim()].filter(Boolean).join(' ');
  const adr = first('ADR');
  let address = '';
  if (adr) {
    const [pobox = '', ext = '', street = '', locality = '', region = '', postal = '', country = ''] = components(adr.value);
    // Chinese order, largest first. The extended part is a room or floor (after the street), except in
    // Kehu's own export, where it is the district (before the street).
    address = hasHan(adr.value)
      ? [country, region, locality, ...(ownExport ? [ext, street] : [street, ext])].filter(Boolean).join('')
      : [pobox, street, ext, locality, [region, postal].filter(Boolean).join(' '), country].filter(Boolean).join(', ');
    address = address.replace(/\s*\n\s*/g, ' ');
  }

  const im = (re: RegExp, xNames: string[]): string[] => {
    const out: string[] = [];
    for (const p of props) {
      if (!p.value.trim()) continue;
      const v = unescapeText(p.value).trim();
      if (xNames.includes(p.name)) out.push(v.replace(/^[a-z-]+:/i, ''));
      else if (p.name === 'IMPP' || p.name === 'X-IM') {
        const service = (p.params.get('X-SERVICE-TYPE') ?? []).join(',');
        if (re.test(service) || re.test(v.split(':')[0])) out.push(v.replace(/^[a-z-]+:/i, ''));
      }
    }
    return [...new Set(out)];
  };

  // Apple's placeholder year (named by X-APPLE-OMIT-YEAR) means no year: --MM-DD, as vCard writes it
  // (the mapping keeps such a day in the notes: mapping.ts YEARLESS_DAY).
  const bday = first('BDAY');
  let birthday = bday ? normalizeBirthday(unescapeText(bday.value)) : '';
  const omitted = bday?.params.get('X-APPLE-OMIT-YEAR')?.[0];
  if (omitted && birthday.startsWith(`${omitted}-`)) birthday = `-${birthday.slice(omitted.length)}`;

  return [
    name,
    mobiles.join(';'),
    landlines[0] ?? '',
    [...new Set(emails)].join(';'),
    company,
    title,
    address,
    birthday,
    [...all('NOTE').map((p) => unescapeText(p.value).trim()), ...extraNotes].join('\n'),
    im(/^qq$/i, ['X-QQ']).join(';'),
    im(/^(wechat|weixin)$/i, ['X-WECHAT', 'X-WEIXIN']).join(';'),
    // vCard 4's GENDER (M, F, …) or X-GENDER (Male, Female: ours, and older phones'); the mapping reads both.
    components(first('GENDER')?.value ?? first('X-GENDER')?.value ?? '')[0] ?? '',
    // A phone's groups or our tags, joined as our export joins a list (a tag may hold a comma).
    joined([...new Set(all('CATEGORIES').flatMap((p) => components(p.value, ',')).filter(Boolean))]) ?? '',
    // Our export's UID is the record's id (记录ID); another program's UID means nothing here.
    ownExport ? unescapeText(first('UID')?.value ?? '').trim() : '',
  ];
}

/** One row per card, in VCARD_HEADERS order; `line` is the card's 1-based position in the file. */
export async function* vcardRows(path: string, options: ReadOptions, onHeader?: (info: SourceInfo) => void): AsyncGenerator<Row> {
  const head = await readHead(path);
  const fileEncoding = chooseEncoding(options.encoding, head.bytes, head.truncated);
  onHeader?.({ format: 'vcard', encoding: fileEncoding, delimiter: null, sheets: [], sheet: null, headers: [...VCARD_HEADERS] });
  const decoding = decodingFor(fileEncoding.startsWith('utf-16') ? 'utf-8' : fileEncoding);

  let depth = 0;
  let cardNo = 0;
  let props: Prop[] = [];
  let logical: string | null = null;
  let logicalIsQp = false;
  let logicalIsBlob = false;
  // vCard 2.1 embeds an AGENT's card after "AGENT:" (empty value): only that BEGIN:VCARD opens a nested card.
  let agentPending = false;

  /**
   * The card read so far as a row (null when it has nothing); the next card starts empty. Its text
   * is marked as our CSV export marks a cell (types.ts Row.values): a vCard's '=x or ="x" is text as
   * it stands, which the mapping would otherwise read as a spreadsheet's mark or formula.
   */
  const emit = (): Row | null => {
    cardNo++;
    const values = cardToRow(props).map(neutralise);
    props = [];
    return isEmptyRow(values) ? null : { line: cardNo, values };
  };

  const finish = (): Row | null => {
    const line = logical;
    logical = null;
    if (line === null) return null;
    const r = parseLine(line);
    if (!r) return null;
    const afterAgent = agentPending;
    agentPending = r.name === 'AGENT' && r.raw.trim() === '';
    if (r.name === 'BEGIN' && /^vcard$/i.test(r.raw.trim())) {
      if (depth >= 1 && afterAgent) {
        depth++;
        return null;
      }
      // A BEGIN:VCARD inside a card that never ended (a phone dropped its END:VCARD): that card is
      // complete as it is, and this one starts, instead of being read as nested and swallowing the rest.
      const unfinished = depth >= 1 ? emit() : null;
      depth = 1;
      props = [];
      return unfinished;
    }
    if (r.name === 'END' && /^vcard$/i.test(r.raw.trim())) {
      if (depth === 1) {
        depth = 0;
        return emit();
      }
      depth = Math.max(0, depth - 1);
      return null;
    }
    if (depth !== 1 || BLOBS.has(r.name)) return null;
    const enc = r.params.get('ENCODING') ?? [];
    if (enc.some((e) => /^(b|base64)$/i.test(e))) return null;
    props.push(toProp(r, decoding));
    return null;
  };

  for await (const line of binaryLines(path, fileEncoding)) {
    if (logical !== null) {
      if (logicalIsQp && logical.endsWith('=')) {
        // QUOTED-PRINTABLE soft line break: the next line continues the value, indented or not.
        if (!logicalIsBlob) logical = logical.slice(0, -1) + line;
        continue;
      }
      if (line.length > 0 && (line[0] === ' ' || line[0] === '\t')) {
        if (!logicalIsBlob) logical += line.slice(1);
        continue;
      }
    }
    const row = finish();
    if (row) yield row;
    if (line.trim() === '') continue;
    logical = line;
    logicalIsQp = headIsQp(line);
    logicalIsBlob = BLOBS.has(headName(line));
  }
  const row = finish();
  if (row) yield row;
  if (depth >= 1 && props.length) {
    // Last card without END:VCARD (truncated file): keep what it has.
    const last = emit();
    if (last) yield last;
  }
}
