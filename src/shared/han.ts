// Chinese characters (汉字; kanji, hanja): the one test of "is this written in Chinese characters",
// for names and addresses (their order, where a name splits). Unicode's Han script, as the search
// index (features/search) and the import's mapping count them: the CJK unified ideographs with all
// their extensions (A: U+3400–4DBF; B and on: planes 2 and 3, as code points, not surrogate halves),
// the compatibility ideographs (U+F900–FAD9, U+2F800–2FA1D), the radicals (U+2E80–2FD5) and the
// ideographic marks 々 〇 〡–〩 〸–〻. Not kana, Hangul, bopomofo, CJK punctuation (、。〆「」),
// enclosed or full-width forms (① ㈠ Ａ), nor the Yijing hexagrams (U+4DC0–4DFF) between A and the
// unified block.
//
// Not the same question as encoding.ts's isChineseChar (what GBK or Big5 text is made of: punctuation
// and symbols too) or isEastAsianText (what CJK text under a vCard CHARSET is made of: kana, Hangul).

const HAN = /\p{Script=Han}/u;
const ALL_HAN = /^\p{Script=Han}+$/u;

/** Is code point `c` a Chinese character? A lone surrogate (half of one beyond the BMP) is not. */
export const isHanChar = (c: number): boolean => HAN.test(String.fromCodePoint(c));

/** Is some of `s` written in Chinese characters (a name, an address)? */
export const hasHan = (s: string): boolean => HAN.test(s);

/** Is all of `s` Chinese characters (张三, 欧阳娜娜: no space, no Latin, no ·)? False for ''. */
export const isAllHan = (s: string): boolean => ALL_HAN.test(s);
