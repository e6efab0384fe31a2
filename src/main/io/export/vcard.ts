// vCard 3.0 (RFC 2426) cards of contacts and companies: escaped values, lines folded at 75 octets
// without splitting a UTF-8 character, CRLF line ends.
import type { Company } from '../../../shared/companies';
import type { Contact } from '../../../shared/contacts';
import type { CustomerBase } from '../../../shared/customers';
import { isAllHan } from '../../../shared/han';

/** Escapes a text value: backslash, comma, semicolon and newlines. */
export function escapeValue(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

const MAX_OCTETS = 75;

/** Folds one content line: at most 75 octets per physical line, continuations start with a space. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets; a continuation line's leading space counts, so 74 of content.
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '申屠',
]);

/** N's family and given names: a Chinese name splits after its surname, a Latin one at its last word. */
export function splitName(name: string): [family: string, given: string] {
  const trimmed = name.trim();
  // By characters, not UTF-16 units: a name may hold a character beyond the basic plane (𠀀).
  const chars = [...trimmed];
  if (isAllHan(trimmed) && chars.length >= 2 && chars.length <= 5) {
    const n = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
    return [chars.slice(0, n).join(''), chars.slice(n).join('')];
  }
  const words = trimmed.split(/\s+/);
  if (words.length >= 2) return [words[words.length - 1], words.slice(0, -1).join(' ')];
  return [trimmed, ''];
}

function property(lines: string[], name: string, value: string | null | undefined): void {
  if (value) lines.push(`${name}:${escapeValue(value)}`);
}

function common(lines: string[], r: CustomerBase): void {
  // ADR: post box; extended (the district); street; city; province; postal code; country. Other
  // programs read the extended part after the street (a room, a floor): the reader (io/read/vcard.ts)
  // knows our cards by KEHU_PRODID and puts the district before the street.
  if (r.address || r.city || r.province || r.district) {
    const adr = ['', r.district ?? '', r.address ?? '', r.city ?? '', r.province ?? '', '', ''].map(escapeValue).join(';');
    lines.push(`ADR;TYPE=WORK:${adr}`);
  }
  property(lines, 'NOTE', r.notes);
  if (r.tags.length) lines.push(`CATEGORIES:${r.tags.map((t) => escapeValue(t.name)).join(',')}`);
}

/** Names Kehu as the card's producer (RFC 2426 PRODID), so that its import reads the district back in its place. */
export const KEHU_PRODID = '-//Kehu CRM//vCard export//ZH';

const card = (lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', `PRODID:${KEHU_PRODID}`, ...lines, 'END:VCARD'].map(foldLine).join('\r\n') + '\r\n';

export function contactCard(c: Contact): string {
  const lines: string[] = [];
  const [family, given] = splitName(c.name);
  // UID: the record's id, which the import finds the record by (io/import/prepare.ts duplicateKeys).
  lines.push(`FN:${escapeValue(c.name)}`, `N:${escapeValue(family)};${escapeValue(given)};;;`, `UID:${c.id}`);
  for (const m of c.mobiles) lines.push(`TEL;TYPE=CELL:${escapeValue(m)}`);
  if (c.landline) lines.push(`TEL;TYPE=WORK:${escapeValue(c.landline)}`);
  for (const e of c.emails) lines.push(`EMAIL;TYPE=INTERNET:${escapeValue(e)}`);
  if (c.companyName) lines.push(`ORG:${escapeValue(c.companyName)}`);
  property(lines, 'TITLE', c.title);
  if (c.birthday) lines.push(`BDAY:${c.birthday}`);
  if (c.gender !== 'unknown') lines.push(`X-GENDER:${c.gender === 'male' ? 'Male' : 'Female'}`);
  property(lines, 'X-QQ', c.qq);
  property(lines, 'X-WECHAT', c.wechat);
  common(lines, c);
  return card(lines);
}

/** A company as an organisation card (Apple's X-ABShowAs marks it). */
export function companyCard(c: Company): string {
  const lines: string[] = [`FN:${escapeValue(c.name)}`, 'N:;;;;', `ORG:${escapeValue(c.name)}`, 'X-ABShowAs:COMPANY'];
  if (c.phone) lines.push(`TEL;TYPE=WORK:${escapeValue(c.phone)}`);
  if (c.website) lines.push(`URL:${c.website}`); // a URI: not escaped
  common(lines, c);
  return card(lines);
}
