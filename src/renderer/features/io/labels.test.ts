// The preview shows stored values as the app shows them, in the UI's language.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../components/i18n/en';
import { zhCN } from '../../components/i18n/zh-CN';
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
