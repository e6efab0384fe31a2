// The preview shows stored values as the app shows them, in the UI's language.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../components/i18n/en';
import { zhCN } from '../../components/i18n/zh-CN';
import { issueLabel } from '../../../shared/io-labels';
import { previewText } from './labels';

async function translator(lng: string) {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('previewText', () => {
  it('shows gender and category by their labels, an unknown gender as empty, other values as they are', async () => {
    for (const [lng, male, key] of [['zh-CN', '男', '重要客户'], ['en', 'Male', 'Key account']] as const) {
      const t = await translator(lng);
      const row = { gender: 'male', category: 'key', mobiles: ['13812345678', '13912345678'], custom: { f1: 'VIP' } };
      expect(previewText(t, row, 'gender')).toBe(male);
      expect(previewText(t, { gender: 'unknown' }, 'gender')).toBe('');
      expect(previewText(t, row, 'category')).toBe(key);
      expect(previewText(t, { category: '大客户' }, 'category')).toBe('大客户');
      expect(previewText(t, row, 'mobiles')).toBe('13812345678, 13912345678');
      expect(previewText(t, row, 'custom:f1')).toBe('VIP');
    }
  });
});

describe('issueLabel', () => {
  it("names a custom field's issue by the field's label (the issue says custom.<id>, as the form's path)", async () => {
    const custom = [{ id: 'f1', entity: 'contact', label: '会员等级', type: 'select', options: ['金卡'], position: 0 }] as never;
    const t = await translator('zh-CN');
    expect(issueLabel(t, 'contact', { field: 'custom.f1', message: 'validation.custom_option' }, custom)).toBe('自定义字段：会员等级: 请从选项中选择');
    expect(issueLabel(t, 'contact', { field: 'mobiles', message: 'validation.mobile' }, custom)).toMatch(/^手机号码: /);
  });
});
