// Turning contract errors into words: error codes and field issues are i18n keys.
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { isMessageKey, type FieldIssue } from '../../shared/errors';
import { ApiError } from '../api';

export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.internal');
  const { code, message, params } = error.data;
  const first = error.data.fields?.[0];
  const base = t(message, { ...params, defaultValue: t(`errors.${code}`) });
  return first ? `${base}: ${issueText(t, first)}` : base;
}

export function issueText(t: TFunction, issue: FieldIssue): string {
  return t(issue.message, { ...issue.params, defaultValue: t('validation.invalid') });
}

/** The same mapping the dispatcher makes: our keys stay, zod's own codes become `validation.<code>`. */
export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: isMessageKey(issue.message) ? issue.message : `validation.${issue.code}`,
  }));
}

/** Shows issues on the form fields they name (`mobiles.1` → ['mobiles', 1]). */
export function applyIssues(t: TFunction, form: FormInstance, issues: FieldIssue[]): void {
  const byPath = new Map<string, string[]>();
  for (const issue of issues) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issueText(t, issue)]);
  form.setFields([...byPath].map(([path, errors]) => ({ name: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors })));
}
