import iconv from 'iconv-lite';
import { KehuError } from '../../../shared/errors';
import { isHanChar } from '../../../shared/han';

/** Bytes looked at to guess the encoding and delimiter. */
export const SNIFF_BYTES = 64 * 1024;

/** An encoding's name → the iconv-lite name we decode with (GBK/GB2312 → gb18030); null when iconv-lite has none. */
export function encodingName(name: string): string | null {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  if (n === 'utf8' || n === 'utf-8' || n === 'utf-8-bom' || n === 'ascii' || n === 'us-ascii') return 'utf-8';
  if (n === 'gbk' || n === 'gb2312' || n === 'gb-2312' || n === 'gb18030' || n === 'cp936' || n === 'euc-cn' || n === 'x-gbk') return 'gb18030';
  if (n === 'utf16le' || n === 'utf-16le' || n === 'ucs-2le' || n === 'utf-16' || n === 'utf16' || n === 'ucs-2' || n === 'ucs2') return 'utf-16le';
  if (n === 'utf16be' || n === 'utf-16be' || n === 'ucs-2be') return 'utf-16be';
  if (n === 'latin1' || n === 'iso-8859-1' || n === 'cp1252' || n === 'windows-1252') return n === 'latin1' || n === 'iso-8859-1' ? 'latin1' : 'windows-1252';
  return iconv.encodingExists(n) ? n : null;
}

/** encodingName for a name from the UI, an API caller or the CLI: an unknown one is invalid input, not an internal error. */
export function normalizeEncoding(name: string): string {
  const enc = encodingName(name);
  if (enc === null) throw new KehuError({ code: 'invalid_input', fields: [{ path: 'encoding', message: 'validation.invalid_value' }] });
  return enc;
}

export function bomEncoding(buf: Uint8Array): string | null {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return null;
}

/** Strict UTF-8 check that tolerates a multi-byte sequence cut off at the end of the sample. */
export function isValidUtf8(buf: Uint8Array, truncated: boolean): boolean {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) { i++; continue; }
    let len: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { len = 2; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { len = 3; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { len = 4; min = 0x10000; }
    else return false;
    if (i + len > n) return truncated && allContinuation(buf, i + 1, n);
    let cp = b & (len === 2 ? 0x1f : len === 3 ? 0x0f : 0x07);
    for (let k = 1; k < len; k++) {
      const c = buf[i + k];
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += len;
  }
  return true;
}

function allContinuation(buf: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((buf[i] & 0xc0) !== 0x80) return false;
  return true;
}

const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Characters GBK and Big5 text is made of beyond ASCII: ideographs (surrogates: GB18030's four-byte
 * ones), CJK and full-width punctuation, and the symbols of their first rows (“” — … № → ① ★ ㈠).
 * Not U+FFFD (bytes the encoding cannot read) nor private use (their user-defined areas).
 */
const isChineseChar = (c: number): boolean =>
  (c >= 0x2010 && c <= 0x9fff) || (c >= 0xd800 && c <= 0xdfff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xffef && c !== 0xfffd) ||
  c === 0xb7 || c === 0xd7 || c === 0xf7;

/**
 * ASCII, ideographs and kana, Hangul, CJK and full-width punctuation, the · of 阿卜杜·热合曼: is all of
 * `s` what Chinese, Japanese or Korean text is made of? Kept apart from isChineseChar on purpose: that
 * one scores a reading in GBK or Big5 (no Hangul there, and the symbols of their first rows, → ① ★,
 * count), this one judges the UTF-8 reading of bytes under any East-Asian CHARSET (vcard.ts), Korean too.
 */
const EAST_ASIAN_TEXT = /^[\t\n\r\x20-\x7f\u00b7\u2000-\u206f\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]*$/;
export const isEastAsianText = (s: string): boolean => EAST_ASIAN_TEXT.test(s);

/** A character of a text file (not a control character, private use, U+FFFD, or a rare script). */
const isTextChar = (c: number): boolean =>
  c < 0x80 ? c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d : (c >= 0xa0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff) || (c >= 0xac00 && c <= 0xd7a3) || isChineseChar(c);

/**
 * Does text decoded as UTF-16 read as text: a line break (a CSV row, a vCard line is shorter than the
 * sample) and hardly any control or unassigned-looking characters? 8-bit bytes read two by two seldom
 * make a line break (that takes a NUL next to it).
 */
function readsAsText(text: string): boolean {
  if (!/[\r\n]/.test(text)) return false;
  let good = 0;
  for (let i = 0; i < text.length; i++) if (isTextChar(text.charCodeAt(i))) good++;
  return good >= text.length * 0.95;
}

/**
 * UTF-16 without BOM. Each ASCII character (delimiters, line ends, digits) has a NUL byte, at the odd
 * offset in LE and the even one in BE, and 8-bit text has no NULs. ASCII-heavy text: half the bytes
 * are NULs. Mostly Chinese text has far fewer, so then they must all be on one side and the bytes
 * must read as text in that order (a stray NUL in an 8-bit file does not).
 */
function utf16WithoutBom(buf: Uint8Array): string | null {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  for (const [enc, nul, other] of [['utf-16le', oddNul, evenNul], ['utf-16be', evenNul, oddNul]] as const) {
    if (nul > pairs * 0.4 && other < pairs * 0.05) return enc;
    if (nul >= pairs * 0.05 && other * 3 <= nul && readsAsText(iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, n), enc))) return enc;
  }
  return null;
}

/**
 * Share of the non-ASCII characters of text decoded as GBK or Big5 that read as Chinese (0 when none):
 * a few undecodable bytes (a cell cut off mid-character) do not outweigh many good characters. A
 * Chinese character (isHanChar) wedged inside a Latin word does not count: that is what Latin-1
 * "Acentuação" turns into ("Acentua玢o").
 */
function chineseShare(text: string): number {
  let nonAscii = 0;
  let chinese = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (isChineseChar(c) && !(isAsciiLetter(text.charCodeAt(i - 1)) && isAsciiLetter(text.charCodeAt(i + 1)) && isHanChar(c))) chinese++;
  }
  return nonAscii ? chinese / nonAscii : 0;
}

/**
 * Double-byte characters in the bytes, and how many of them are in the encoding's everyday set:
 * GB2312's symbols and 6,763 characters (A1A1–F7FE, both bytes from A1) for GBK; Big5's symbols and
 * 5,401 frequent characters (A140–C67E). Both encodings read the same byte pairs, so text in one falls
 * about half the time outside the other's everyday set (into rare or user-defined characters).
 */
function everydayChars(buf: Uint8Array, big5: boolean): { pairs: number; everyday: number } {
  let pairs = 0;
  let everyday = 0;
  for (let i = 0; i < buf.length - 1; ) {
    const lead = buf[i];
    const trail = buf[i + 1];
    if (lead < 0x81 || lead === 0xff) {
      i++;
      continue;
    }
    pairs++;
    if (trail < 0x40) {
      // GB18030's four-byte character (second byte a digit), or a broken one.
      i += !big5 && trail >= 0x30 ? 4 : 1;
      continue;
    }
    if (big5) everyday += +(lead >= 0xa1 && (lead < 0xc6 || (lead === 0xc6 && trail <= 0x7e)) && (trail <= 0x7e || (trail >= 0xa1 && trail <= 0xfe)));
    else everyday += +(((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7)) && trail >= 0xa1 && trail <= 0xfe);
    i += 2;
  }
  return { pairs, everyday };
}

/** Fewer double-byte characters than this are too few to tell Big5 from GBK. */
const BIG5_MIN_CHARS = 6;

/**
 * Guesses the encoding of the first bytes of a text file: BOM, UTF-16 by its NULs, valid UTF-8; then
 * GBK (read as GB18030) or Big5 when at least 80% of the non-ASCII characters it reads are Chinese and
 * half of its double-byte characters are everyday ones (Big5 only with clearly more of them than
 * GBK); else windows-1252. `truncated` tells that the sample was cut from a longer file.
 */
export function detectEncoding(sample: Uint8Array, truncated: boolean): string {
  const bom = bomEncoding(sample);
  if (bom) return bom;
  const u16 = utf16WithoutBom(sample);
  if (u16) return u16;
  if (isValidUtf8(sample, truncated)) return 'utf-8';
  const buf = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength);
  const score = (enc: string) => {
    const text = iconv.decode(buf, enc);
    const { pairs, everyday } = everydayChars(sample, enc === 'big5');
    // A double-byte character cut off at the end of the sample decodes as U+FFFD: leave it out.
    return { chinese: chineseShare(truncated ? text.slice(0, -1) : text), pairs, everyday: pairs ? everyday / pairs : 0 };
  };
  const gb = score('gb18030');
  // Shift_JIS (kana, kanji) reads as GBK's rare characters: mostly Chinese, but few everyday ones.
  const fits = (s: typeof gb, chinese: number) => s.chinese >= chinese && s.everyday >= 0.5;
  // GBK is far more common for our users: Big5 only when it reads (nearly) all as Chinese, clearly
  // more everyday characters, and enough of them (a Latin-1 "Ålesund" is one Big5 character). With
  // more than 80% everyday characters in GBK, Big5 cannot be 0.2 ahead: it is not decoded at all.
  const big5 = gb.everyday <= 0.8 ? score('big5') : null;
  if (big5 && fits(big5, 0.95) && big5.pairs >= BIG5_MIN_CHARS && big5.everyday >= gb.everyday + 0.2) return 'big5';
  return fits(gb, 0.8) ? 'gb18030' : 'windows-1252';
}

/**
 * The encoding to read a file with: the user's choice if any (normalised), else detected. Within
 * UTF-16 the bytes decide the order (BOM, else the NULs): 'utf-16' names none, and a BOM saying the
 * other order means the choice was a slip, not that the file should be read backwards.
 */
export function chooseEncoding(choice: string | undefined, sample: Uint8Array, truncated: boolean): string {
  if (!choice) return detectEncoding(sample, truncated);
  const enc = normalizeEncoding(choice);
  const order = enc.startsWith('utf-16') ? (bomEncoding(sample) ?? utf16WithoutBom(sample)) : null;
  return order?.startsWith('utf-16') ? order : enc;
}
