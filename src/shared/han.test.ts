import { describe, expect, it } from 'vitest';
import { hasHan, isAllHan, isHanChar } from './han';

const hex = (c: number) => `U+${c.toString(16).toUpperCase()}`;
/** [code point, what it is] → test rows titled by the code point in hex. */
const rows = (cs: [number, string][]) => cs.map(([c, what]) => [hex(c), what, c] as const);

describe('Chinese characters (han.ts)', () => {
  // The edges of each range, and what lies just outside it.
  it.each(rows([
    [0x3400, '㐀 extension A, first'],
    [0x4d00, '䴀 extension A'],
    [0x4dbf, '䶿 extension A, last'],
    [0x4e00, '一 unified, first'],
    [0x738b, '王'],
    [0x9fa5, '龥 last of GBK'],
    [0x9fff, 'unified, last'],
    [0xf900, '豈 compatibility, first'],
    [0xfad9, '龎 compatibility, last'],
    [0x20000, '𠀀 extension B, first (plane 2)'],
    [0x20bb7, '𠮷'],
    [0x2a6df, 'extension B, last'],
    [0x2b740, 'extension D'],
    [0x2f800, 'compatibility supplement, first'],
    [0x30000, 'extension G, first (plane 3)'],
    [0x2e81, '⺁ CJK radicals supplement'],
    [0x2f00, '⼀ Kangxi radical'],
    [0x3005, '々 iteration mark'],
    [0x3007, '〇 ideographic zero'],
    [0x3021, '〡 Hangzhou numeral'],
  ]))('%s is a Chinese character (%s)', (name, _what, c) => expect(isHanChar(c), name).toBe(true));

  it.each(rows([
    [0x41, 'A'],
    [0x00b7, '· middle dot'],
    [0x3000, 'ideographic space'],
    [0x3001, '、'],
    [0x3002, '。'],
    [0x3006, '〆'],
    [0x300c, '「'],
    [0x3042, 'あ hiragana'],
    [0x30b8, 'ジ katakana'],
    [0x3105, 'ㄅ bopomofo'],
    [0x3220, '㈠ parenthesized ideograph'],
    [0x2460, '① circled digit'],
    [0x33ff, '㏿ CJK compatibility, just before extension A'],
    [0x4dc0, '䷀ Yijing hexagram, just after extension A'],
    [0x4dff, '䷿ Yijing hexagram, just before the unified block'],
    [0xa000, 'ꀀ Yi, just after the unified block'],
    [0xac00, '가 Hangul'],
    [0xd840, 'a high surrogate alone'],
    [0xdc00, 'a low surrogate alone'],
    [0xe000, 'private use'],
    [0xf8ff, 'private use, just before the compatibility ideographs'],
    [0xfb00, 'ﬀ, just after the compatibility ideographs'],
    [0xff21, 'Ａ full-width'],
    [0xff0c, '，full-width comma'],
    [0xfffd, 'replacement character'],
  ]))('%s is not (%s)', (name, _what, c) => expect(isHanChar(c), name).toBe(false));

  it('some of a string: a name or address with one Chinese character', () => {
    expect(['Wang 王', '张三', '北京市 Chaoyang', '\uf900', '𠮷野', '佐々木'].map(hasHan)).toEqual([true, true, true, true, true, true]);
    expect(['ジャン', '김철수', '\u4dc0', 'Wang', '', '①，。', '\ud840'].map(hasHan)).toEqual([false, false, false, false, false, false, false]);
  });

  it('all of a string: Chinese characters only, a supplementary one counted whole', () => {
    expect(['张三', '欧阳娜娜', '王', '𠮷', '刘䶮'].map(isAllHan)).toEqual([true, true, true, true, true]);
    expect(['', '张 三', '张三 ', '阿卜杜·热合曼', 'Wang王', '张三①', 'ジャン', '\ud840'].map(isAllHan)).toEqual([false, false, false, false, false, false, false, false]);
  });
});
