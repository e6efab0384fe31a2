// The n-gram tokens of perf-limits.md §3. The FTS5 table uses the plain unicode61 tokenizer, so
// we hand it words that are already n-grams: that makes a MATCH find exactly what a substring
// search finds (Han substrings of 1+ characters, other substrings of 2+), without a LIKE scan.

const HAN = /^\p{Script=Han}/u;
// A run is a stretch of Han characters, or of other letters/digits. Everything else separates.
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

const NON_ASCII = /[^\p{ASCII}]/u;
const SURROGATE = /[\uD800-\uDFFF]/;

function runsOf(text: string): string[] {
  // NFKC leaves ASCII as it is: skip it for the common case (phones, emails, pinyin).
  const normal = NON_ASCII.test(text) ? text.normalize('NFKC') : text;
  return [...normal.matchAll(RUNS)].map(([run]) => (HAN.test(run) ? run : run.toLowerCase()));
}

const isHan = (run: string) => HAN.test(run);

/** Overlapping n-grams of a run (by code point, so rare CJK extension characters stay whole). */
function grams(chars: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  return out;
}

/**
 * Index tokens of a text: 欧阳娜娜 → 欧阳 阳娜 娜娜 娜; 13812345678 → 138 381 … 678 78.
 * The trailing short token lets a prefix query find a substring at the end of a run.
 */
export function indexTokens(text: string | null | undefined): string {
  if (!text) return '';
  const out: string[] = [];
  for (const run of runsOf(text)) {
    const n = isHan(run) ? 2 : 3;
    if (SURROGATE.test(run)) {
      const chars = [...run];
      out.push(...grams(chars, n), chars.slice(-(n - 1)).join(''));
      continue;
    }
    // One UTF-16 unit per character: slice the string itself (bulk paths make millions of these).
    for (let i = 0; i + n <= run.length; i++) out.push(run.slice(i, i + n));
    out.push(run.slice(-(n - 1)));
  }
  return out.join(' ');
}

/** An FTS5 string literal: only letters and digits reach here, but quote and escape anyway. */
const quote = (token: string) => `"${token.replace(/"/g, '""')}"`;

/**
 * The FTS5 MATCH expression for what a person typed, or null when there is nothing searchable
 * (empty, only spaces or symbols). Each run becomes a phrase of its n-grams, or a prefix token
 * when it is shorter than one n-gram; runs are ANDed. User text never reaches the query syntax.
 */
export function matchQuery(input: string): string | null {
  const runs = runsOf(input);
  // A lone non-Han character next to other runs ("7@163" cut from "957@163.com") may be the end
  // of a stored run, which the index cannot find by prefix: dropping it keeps every LIKE match.
  const useful = runs.length > 1 ? runs.filter((run) => isHan(run) || [...run].length > 1) : runs;
  const parts = useful.map((run) => {
    const chars = [...run];
    const n = isHan(run) ? 2 : 3;
    if (chars.length < n) return `${quote(run)}*`;
    return quote(grams(chars, n).join(' '));
  });
  return parts.length ? parts.join(' AND ') : null;
}
