// What the command line says in the app's own words: an error's i18n key (io.empty_file) becomes
// the sentence the app shows, in the language stored in the data folder (zh-CN unless set to en).
// The messages are the renderer's i18n resources (core/translate.ts); the renderer's errorText
// takes its ApiError.
import type { TFunction } from 'i18next';
import type { KehuError } from '../../shared/errors';
import { storedLocale } from '../db/meta';
import type { Runtime } from '../core/runtime';
import { DEFAULT_LOCALE, translator } from '../core/translate';

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
