import chardet from 'chardet';
import iconv from 'iconv-lite';

/** Bytes looked at to guess the encoding and delimiter. */
export const SNIFF_BYTES = 64 * 1024;

/** Normalises user/detector encoding names to iconv-lite names we decode with (GBK/GB2312 → gb18030). */
export function normalizeEncoding(name: string): string {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  if (n === 'utf8' || n === 'utf-8' || n === 'utf-8-bom' || n === 'ascii' || n === 'us-ascii') return 'utf-8';
  if (n === 'gbk' || n === 'gb2312' || n === 'gb-2312' || n === 'gb18030' || n === 'cp936' || n === 'euc-cn' || n === 'x-gbk') return 'gb18030';
  if (n === 'utf16le' || n === 'utf-16le' || n === 'ucs-2le' || n === 'utf-16') return 'utf-16le';
  if (n === 'utf16be' || n === 'utf-16be' || n === 'ucs-2be') return 'utf-16be';
  if (n === 'latin1' || n === 'iso-8859-1' || n === 'cp1252' || n === 'windows-1252') return n === 'latin1' || n === 'iso-8859-1' ? 'latin1' : 'windows-1252';
  if (!iconv.encodingExists(n)) throw new Error(`Unknown encoding: ${name}`);
  return n;
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

/** UTF-16 without BOM: NULs mostly at odd (LE) or even (BE) positions of ASCII-heavy text. */
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
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

const isCjk = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Does the text (decoded as GB18030) read like Chinese? Mostly CJK among non-ASCII characters, and
 * the CJK characters are not wedged inside Latin words (what Latin-1 "Acentuação" turns into: "Acentua玢o").
 */
function looksChinese(text: string): boolean {
  let nonAscii = 0;
  let cjk = 0;
  let wedged = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd) return false;
    if (isCjk(c)) {
      cjk++;
      if (i > 0 && i + 1 < text.length && isAsciiLetter(text.charCodeAt(i - 1)) && isAsciiLetter(text.charCodeAt(i + 1))) wedged++;
    }
  }
  return nonAscii > 0 && cjk / nonAscii >= 0.8 && wedged / Math.max(cjk, 1) < 0.2;
}

const LATIN = /^(ISO-8859-\d+|windows-125\d)$/;

/**
 * Guesses the encoding of the first bytes of a text file: BOM, then valid UTF-8, then GB18030 when
 * the bytes decode as mostly Chinese (and chardet does not clearly see a Western language), else windows-1252.
 * `truncated` tells that the sample was cut from a longer file.
 */
export function detectEncoding(sample: Uint8Array, truncated: boolean): string {
  const bom = bomEncoding(sample);
  if (bom) return bom;
  const u16 = utf16WithoutBom(sample);
  if (u16) return u16;
  if (isValidUtf8(sample, truncated)) return 'utf-8';
  const gb = iconv.decode(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), 'gb18030');
  // A cut-off double-byte character at the end decodes as U+FFFD: ignore the last character then.
  const gbText = truncated ? gb.slice(0, -1) : gb;
  if (looksChinese(gbText)) {
    const matches = chardet.analyse(sample);
    const latin = matches.find((m) => LATIN.test(m.name));
    const chinese = matches.find((m) => m.name === 'GB18030');
    if (!(latin && latin.confidence >= 50 && latin.confidence > (chinese?.confidence ?? 0))) return 'gb18030';
  }
  return 'windows-1252';
}
