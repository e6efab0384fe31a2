import { describe, expect, it } from 'vitest';
import { indexTokens, matchQuery } from './tokens';
import { nameKey, namePinyin } from './names';

describe('indexTokens', () => {
  it('makes Han bigrams plus the last character', () => {
    expect(indexTokens('欧阳娜娜')).toBe('欧阳 阳娜 娜娜 娜');
    expect(indexTokens('伟')).toBe('伟');
  });

  it('makes lowercase trigrams plus the last two characters of other runs', () => {
    expect(indexTokens('13812345678')).toBe('138 381 812 123 234 345 456 567 678 78');
    expect(indexTokens('Kevin')).toBe('kev evi vin in');
    expect(indexTokens('ab')).toBe('ab');
  });

  it('splits runs on script changes, spaces and punctuation', () => {
    expect(indexTokens('Kevin张伟 wang.wei@163.com')).toBe('kev evi vin in 张伟 伟 wan ang ng wei ei 163 63 com om');
    expect(indexTokens(null)).toBe('');
  });

  it('folds full-width characters', () => {
    expect(indexTokens('１３８ＡＢ')).toBe('138 38a 8ab ab');
  });
});

describe('matchQuery', () => {
  it('turns each run into a phrase of n-grams, or a prefix when short, ANDed', () => {
    expect(matchQuery('张伟')).toBe('"张伟"');
    expect(matchQuery('欧阳娜')).toBe('"欧阳 阳娜"');
    expect(matchQuery('伟')).toBe('"伟"*');
    expect(matchQuery('zw')).toBe('"zw"*');
    expect(matchQuery('Zhang Wei')).toBe('"zha han ang" AND "wei"');
  });

  it('returns null when there is nothing searchable', () => {
    for (const q of ['', '   ', '"', '*()', '😀', '--']) expect(matchQuery(q)).toBeNull();
  });

  it('never lets FTS syntax through', () => {
    expect(matchQuery('a" OR "b')).toBe('"or"*');
    expect(matchQuery('x 张')).toBe('"张"*');
    expect(matchQuery('NEAR(xy 张)')).toBe('"nea ear" AND "xy"* AND "张"*');
    expect(matchQuery("'; DROP TABLE contacts; --")).toBe('"dro rop" AND "tab abl ble" AND "con ont nta tac act cts"');
  });
});

describe('names', () => {
  it('reads surnames as surnames', () => {
    expect(namePinyin('张伟')).toEqual({ py: 'zhangwei', initials: 'zw' });
    expect(namePinyin('曾志伟')).toEqual({ py: 'zengzhiwei', initials: 'zzw' });
    expect(namePinyin('单雄信').py).toBe('shanxiongxin');
    expect(namePinyin('欧阳娜娜')).toEqual({ py: 'ouyangnana', initials: 'oynn' });
    expect(namePinyin('吕布').py).toBe('lvbu');
  });

  it('handles mixed and English names', () => {
    expect(namePinyin('Kevin 张')).toEqual({ py: 'kevinzhang', initials: 'kz' });
    expect(namePinyin('Kevin 曾伟')).toEqual({ py: 'kevinzengwei', initials: 'kzw' });
    expect(namePinyin('John Smith')).toEqual({ py: 'johnsmith', initials: 'js' });
  });

  it('normalises names for duplicate checks', () => {
    expect(nameKey(' 张　伟 ')).toBe('张伟');
    expect(nameKey('ＫＥＶＩＮ·Zhang')).toBe('kevinzhang');
    expect(nameKey('O\'Brien, J.')).toBe('obrienj');
  });
});
