import { App, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/app';
import { errorText } from '../../components/errors';
import { useApp } from './store';

/** 中文 / English in the header; saved with app.setLocale. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale, setLocale } = useApp();
  return (
    <Segmented<Locale>
      aria-label={t('header.language')}
      value={locale}
      onChange={(l) => setLocale(l).catch((e: unknown) => message.error(errorText(t, e)))}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
