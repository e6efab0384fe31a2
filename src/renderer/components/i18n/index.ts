// i18next with zh-CN (default) and English; dayjs and Ant Design follow the same language.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import antdZh from 'antd/locale/zh_CN';
import antdEn from 'antd/locale/en_US';
import type { Locale } from '../../../shared/app';
import { zhCN } from './zh-CN';
import { en } from './en';

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
dayjs.locale('zh-cn');

export function applyLocale(locale: Locale): void {
  void i18n.changeLanguage(locale);
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = locale;
}

export const antdLocale = (locale: Locale) => (locale === 'en' ? antdEn : antdZh);

export { i18n };
