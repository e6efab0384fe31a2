// The app's own sentences in the main process (the command line, the rejected-rows file): the
// renderer's i18n resources themselves (plain data modules), read by an i18next instance of ours;
// the renderer's (components/i18n/index.ts) also sets up React, dayjs and antd.
import { createInstance, type TFunction } from 'i18next';
import type { Locale } from '../../shared/app';
import { en } from '../../renderer/components/i18n/en';
import { zhCN } from '../../renderer/components/i18n/zh-CN';

/** The app's language until one is chosen (features/app/handlers.ts app.info). */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const translators = new Map<Locale, TFunction>();

/** A `t` for `locale`, made once: the resources are in memory, so it works at once (initAsync false). */
export function translator(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    const i18n = createInstance();
    void i18n.init({
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      interpolation: { escapeValue: false },
      initAsync: false,
      // i18next prints an advertisement on its first init: not on a user's terminal or in a log.
      showSupportNotice: false,
    });
    t = i18n.getFixedT(locale);
    translators.set(locale, t);
  }
  return t;
}
