// The page around the first-start, sign-in and lock screens: the brand, the content in the middle
// and the language switch (it only shows the language until someone signs in; then it is saved).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/LanguageSwitch';
import './auth.css';

export function AuthFrame({ wide, children }: { wide?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main className="auth-page">
      <div className="auth-lang">
        <LanguageSwitch />
      </div>
      <div className={wide ? 'auth-box auth-box-wide' : 'auth-box'}>
        <div className="app-brand auth-brand">
          <span className="brand-mark">客</span>
          <span>{t('app.name')}</span>
        </div>
        {children}
      </div>
    </main>
  );
}
