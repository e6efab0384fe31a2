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

/** Strict UTF-8 check of `buf` (from `from` to `to`) that tolerates a multi-byte sequence cut off at the end of the sample. */
export function isValidUtf8(buf: Uint8Array, truncated: boolean, from = 0, to = buf.length): boolean {
  let i = from;
  const n = to;
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

/**
 * What a Chinese user's text in UTF-8 is made of: ASCII, ideographs, CJK, general and full-width
 * punctuation, symbols (“” — … ① ★ →), the · of 阿卜杜·热合曼, emoji (WeChat names). GBK bytes that
 * happen to be valid UTF-8 read as something else: 谢伟 is "лΰ" (2% of two-character GBK names are
 * valid UTF-8); reading as ideographs takes a run of three GBK characters, the first a rare one (none
 * of the 25,000 runs of the app's own Chinese text does). Hangul is left out: GBK reads as it too.
 */
const UTF8_CHINESE = /^[\t\n\r\x20-\x7e\u00b7\u2000-\u27bf\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u{1f000}-\u{1faff}]*$/u;
const IDEOGRAPH = /[\u3400-\u9fff]/;

/**
 * Is buf[from, to) (a line) Chinese text in UTF-8: valid UTF-8 with non-ASCII bytes that reads as
 * UTF8_CHINESE with an ideograph? A GBK line fails at once, mostly at its first character.
 * `truncated`: the line goes on past `to`.
 */
export function isUtf8ChineseLine(buf: Buffer, from: number, to: number, truncated = false): boolean {
  let i = from;
  while (i < to && buf[i] < 0x80) i++;
  if (i === to || !isValidUtf8(buf, truncated, i, to)) return false;
  // A sequence cut off at `to` reads as one U+FFFD at the end.
  const text = buf.toString('utf8', from, to).replace(/\uFFFD$/, '');
  return UTF8_CHINESE.test(text) && IDEOGRAPH.test(text);
}

/**
 * The lines of a sample that hold non-ASCII bytes: how many are Chinese UTF-8 (isUtf8ChineseLine)
 * and how many not UTF-8 at all; `rest`, the sample without its Chinese UTF-8 lines.
 */
function sampleLines(sample: Buffer, truncated: boolean): { utf8: number; other: number; rest: Buffer } {
  let utf8 = 0;
  let other = 0;
  const rest: Buffer[] = [];
  for (let from = 0; from < sample.length; ) {
    const lf = sample.indexOf(0x0a, from);
    const to = lf < 0 ? sample.length : lf + 1;
    const last = lf < 0 && truncated;
    if (isUtf8ChineseLine(sample, from, to, last)) utf8++;
    else {
      if (!isValidUtf8(sample, last, from, to)) other++;
      rest.push(sample.subarray(from, to));
    }
    from = to;
  }
  return { utf8, other, rest: Buffer.concat(rest) };
}

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
 * Guesses the encoding of the first bytes of a text file: BOM, UTF-16 by its NULs, valid UTF-8 (or
 * more lines of Chinese UTF-8 than lines that are not UTF-8 at all); then GBK (read as GB18030) or Big5 when at least 80% of the non-ASCII characters it reads are Chinese and
 * half of its double-byte characters are everyday ones (Big5 only with clearly more of them than
 * GBK); else windows-1252. `truncated` tells that the sample was cut from a longer file.
 */
export function detectEncoding(sample: Uint8Array, truncated: boolean): string {
  const bom = bomEncoding(sample);
  if (bom) return bom;
  const u16 = utf16WithoutBom(sample);
  if (u16) return u16;
  if (isValidUtf8(sample, truncated)) return 'utf-8';
  const lines = sampleLines(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), truncated);
  // A UTF-8 file with a row of another encoding (a GBK row pasted in) is UTF-8, as it is when that
  // row sits past the sample: the row is refused for its U+FFFD, the others are read.
  if (lines.utf8 > lines.other) return 'utf-8';
  // The other way round, a GBK file's Chinese UTF-8 rows are read as UTF-8 (GbkDecoder): score without them.
  const buf = lines.rest;
  const score = (enc: string) => {
    const text = iconv.decode(buf, enc);
    const { pairs, everyday } = everydayChars(buf, enc === 'big5');
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

/** A line longer than this is judged by its start (a row is far shorter: a cell is cut at 32,767 characters). */
const LINE_JUDGED_BYTES = 64 * 1024;

type Decoder = ReturnType<typeof iconv.getDecoder>;

/**
 * A streaming GB18030 decoder that reads each Chinese UTF-8 line (isUtf8ChineseLine) as UTF-8: rows
 * added to a GBK file by another program. GB18030 decodes any bytes, so they would be stored garbled
 * without a U+FFFD to tell. Lines are cut at LF bytes, never part of a GB18030 character; runs of GBK
 * lines are decoded at once, and a GBK line's check stops at its first characters.
 */
export class GbkDecoder {
  private readonly gbk = iconv.getDecoder('gb18030');
  private readonly utf8 = iconv.getDecoder('utf-8');
  /** The start of a line that has not ended yet, kept until it can be judged. */
  private held: Buffer[] = [];
  private heldBytes = 0;
  /** The decoder of a line judged before its end (longer than LINE_JUDGED_BYTES). */
  private long: Decoder | null = null;

  write(chunk: Buffer): string {
    let out = '';
    let from = 0;
    if (this.long || this.heldBytes > 0) {
      const lf = chunk.indexOf(0x0a);
      from = lf < 0 ? chunk.length : lf + 1;
      out = this.continueLine(chunk.subarray(0, from), lf >= 0);
    }
    const last = chunk.lastIndexOf(0x0a);
    let run = from;
    while (from <= last) {
      const to = chunk.indexOf(0x0a, from) + 1;
      if (isUtf8ChineseLine(chunk, from, to)) {
        out += this.gbk.write(chunk.subarray(run, from)) + this.utf8.write(chunk.subarray(from, to));
        run = to;
      }
      from = to;
    }
    if (from > run) out += this.gbk.write(chunk.subarray(run, from));
    if (from < chunk.length) out += this.continueLine(chunk.subarray(from), false);
    return out;
  }

  end(): string {
    const text = this.heldBytes > 0 ? this.judgeHeld(false) : '';
    return text + (this.gbk.end() ?? '') + (this.utf8.end() ?? '');
  }

  /** More of the line that an earlier chunk began (`ended`: up to its LF). */
  private continueLine(part: Buffer, ended: boolean): string {
    if (this.long) {
      const text = this.long.write(part);
      if (ended) this.long = null;
      return text;
    }
    // Kept past this chunk: a copy, not a view of the reader's buffer.
    this.held.push(ended ? part : Buffer.from(part));
    this.heldBytes += part.length;
    if (ended || this.heldBytes > LINE_JUDGED_BYTES) return this.judgeHeld(!ended);
    return '';
  }

  /** Decodes the held line as what it reads as; `unended`: its rest, still to come, is read the same way. */
  private judgeHeld(unended: boolean): string {
    const line = Buffer.concat(this.held);
    this.held = [];
    this.heldBytes = 0;
    const decoder = isUtf8ChineseLine(line, 0, line.length, unended) ? this.utf8 : this.gbk;
    if (unended) this.long = decoder;
    return decoder.write(line);
  }
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
