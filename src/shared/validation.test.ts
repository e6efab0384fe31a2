import { describe, expect, it } from 'vitest';
import { normalizeCnLandline, normalizeCnMobile, normalizeE164, normalizeEmail, normalizePhone, optPhone, urlField } from './validation';
import { CustomFieldSave } from './custom-fields';
import { TagSave } from './tags';

describe('phone and email normalisation', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['0086-13812345678', '13812345678'],
  ])('Chinese mobile %s → %s', (raw, expected) => expect(normalizeCnMobile(raw)).toBe(expected));

  it.each(['１３８１２３４５６７８', '86 13812345678', "'13812345678", '８６ １３８-１２３４-５６７８'])('mobile as spreadsheets write it: %s', (raw) =>
    expect(normalizeCnMobile(raw)).toBe('13812345678'),
  );

  it.each(['1381234567', '12812345678', '138123456789', 'abc'])('not a Chinese mobile: %s', (raw) =>
    expect(normalizeCnMobile(raw)).toBeNull(),
  );

  it.each([
    ['010-12345678', '010-12345678'],
    ['(010) 1234 5678', '010-12345678'],
    ['0755 8888 6666', '0755-88886666'],
    ['021-6123456', '021-6123456'],
    ['0571-87654321 转 802', '0571-87654321-802'],
    ['400-800-1234', '400-800-1234'],
    ['+86 10 12345678', '010-12345678'],
  ])('landline %s → %s', (raw, expected) => expect(normalizeCnLandline(raw)).toBe(expected));

  it.each(['010-12345678-801', '0571-87654321-802', '400-800-1234-5', '021-6123456', '0755-88886666'])(
    'a stored landline reads back as itself (export, edit, sync): %s',
    (stored) => expect(normalizeCnLandline(stored)).toBe(stored),
  );

  it.each(['12345678', '010-1234', '0755-0123456', '010-12345678 转 abc', '010-1234-5678901'])('not a landline: %s', (raw) =>
    expect(normalizeCnLandline(raw)).toBeNull(),
  );

  it.each([
    ['+49 151 1234 5678', '+4915112345678'],
    ['001 415 555 0100', '+14155550100'],
  ])('international %s → %s', (raw, expected) => expect(normalizeE164(raw)).toBe(expected));

  it('treats +86 numbers as Chinese, not as E.164', () => {
    expect(normalizeE164('+8613812345678')).toBeNull();
    expect(normalizePhone('+8613812345678')).toBe('13812345678');
  });

  it.each([
    [' Zhang.Wei@Example.COM ', 'zhang.wei@example.com'],
    ['wang+crm@qq.com', 'wang+crm@qq.com'],
  ])('email %s → %s', (raw, expected) => expect(normalizeEmail(raw)).toBe(expected));

  it.each(['zhang', 'a@b', 'a b@c.com', '@qq.com', 'x@qq.c'])('not an email: %s', (raw) => expect(normalizeEmail(raw)).toBeNull());
});

describe('optional phone', () => {
  it('is null when blank and normalised otherwise', () => {
    expect(optPhone.parse('')).toBeNull();
    expect(optPhone.parse(null)).toBeNull();
    expect(optPhone.parse(undefined)).toBeNull();
    expect(optPhone.parse(' 0755 8888 6666 ')).toBe('0755-88886666');
  });

  it('says what a phone number looks like, not just "wrong format"', () => {
    const issues = optPhone.safeParse('12').error?.issues ?? [];
    expect(issues.map((i) => i.message)).toEqual(['validation.phone']);
  });
});

describe('a missing required text says "required"', () => {
  it.each([
    ['custom field label', () => CustomFieldSave.safeParse({ entity: 'contact', type: 'text' })],
    ['tag name', () => TagSave.safeParse({ color: '#123456' })],
  ])('%s', (_what, parse) => {
    expect(parse().error?.issues.map((i) => i.message)).toContain('validation.required');
  });
});

describe('web addresses', () => {
  it.each(['www.example.com', 'https://c9.com#about', 'x.com:8080', 'c7.com?ref=1', '例子.中国', 'http://www.中国移动.中国/首页', 'https://shop.example.cn/a/b'])('takes %s', (url) =>
    expect(urlField.parse(url)).toBe(url),
  );
  it.each(['example', 'http://', 'a b.com', 'ftp://x.com', 'x.c'])('refuses %s', (url) => expect(urlField.safeParse(url).success).toBe(false));
});
