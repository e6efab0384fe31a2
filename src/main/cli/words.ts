// What the command line says in the app's own words: an error's i18n key (io.empty_file) becomes
// the sentence the app shows, in the language stored in the data folder (zh-CN unless set to en).
// The messages are the renderer's i18n resources themselves (plain data modules, importable from
// main), read by an i18next instance of the CLI's own: the renderer's (components/i18n/index.ts)
// also sets up React, dayjs and antd, and its errorText takes the renderer's ApiError.
import { createInstance, type TFunction } from 'i18next';
import type { Locale } from '../../shared/app';
import type { KehuError } from '../../shared/errors';
import { storedLocale } from '../db/meta';
import type { Runtime } from '../core/runtime';
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
      // i18next prints an advertisement on its first init: not on a user's terminal.
      showSupportNotice: false,
    });
    t = i18n.getFixedT(locale);
    translators.set(locale, t);
  }
  return t;
}

/** The language the app shows for this data folder (its database opened and signed in to). */
export async function folderTranslator(rt: Runtime): Promise<TFunction> {
  return translator((await storedLocale(rt.app.db.kysely)) ?? DEFAULT_LOCALE);
}

/**
 * An error as the app says it (renderer/components/errors.ts errorText: its message key with its
 * params, else its code's sentence), then each field's problem with the field it names: a terminal
 * has no form to show them on.
 */
export function errorText(t: TFunction, e: KehuError): string {
  const base = t(e.message, { ...e.params, defaultValue: t(`errors.${e.code}`) });
  const fields = (e.fields ?? []).map((f) => `${f.path}: ${t(f.message, { ...f.params, defaultValue: t('validation.invalid') })}`);
  return t('cli.error', { message: fields.length ? `${base} (${fields.join('; ')})` : base });
}
