// The submit of every sign-in form: busy while calling, field errors on their fields, any other
// failure as one translated line (a lockout says until when).
import { useState } from 'react';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { applyIssues, errorText } from '../../components/errors';

/** `authFailed`: what a wrong password or code means on this form (default: wrong name or password). */
export function authErrorText(t: TFunction, error: unknown, authFailed = 'errors.auth_failed'): string {
  if (!(error instanceof ApiError)) return errorText(t, error);
  if (error.data.code === 'locked_out') return t('errors.locked_out', { time: dayjs(String(error.data.params?.until)).format('HH:mm') });
  if (error.data.code === 'auth_failed') return t(authFailed);
  return errorText(t, error);
}

export function useAuthSubmit<T>(form: FormInstance<T>, action: (values: T) => Promise<void>, authFailed?: string) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  // The failure itself, put into words when shown (so a language switch re-words it).
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async (values: T) => {
    setBusy(true);
    setFailure(null);
    // The last answer's field messages go: this answer brings its own. (Untyped: the error
    // list's names are plain paths, which setFields<T> does not take.)
    const anyForm: FormInstance = form;
    anyForm.setFields(anyForm.getFieldsError().map(({ name }) => ({ name, errors: [] })));
    try {
      await action(values);
    } catch (e) {
      if (e instanceof ApiError && e.data.fields?.length) applyIssues(t, form, e.data.fields);
      else setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error: failure === null ? null : authErrorText(t, failure, authFailed), submit };
}
