// The names of mapping targets and row issues, as the import's screens show them and the
// rejected-rows file writes them (io/import/prepare.ts reasonText), in the caller's language.
import type { TFunction } from 'i18next';
import type { IoEntity, RowIssue } from './io';

/** The mapping target of a column that is not imported. */
export const IGNORE = 'ignore';

/** A custom field as its label names it. */
interface FieldLabel {
  id: string;
  label: string;
}

export function targetLabel(t: TFunction, entity: IoEntity, target: string, custom: readonly FieldLabel[]): string {
  if (target === IGNORE) return t('io.mapping.ignore');
  if (target.startsWith('custom:')) {
    const field = custom.find((f) => f.id === target.slice(7));
    return t('io.mapping.custom', { label: field?.label ?? target.slice(7) });
  }
  if (target === 'name') return t(entity === 'company' ? 'fields.companyName' : 'fields.name');
  if (target === 'firstName' || target === 'lastName' || target === 'recordId') return t(`io.targets.${target}`);
  return t(`fields.${target}`, { defaultValue: target });
}

/**
 * The mapping target a row issue is about: a custom value's issue names its field as the form does
 * (`custom.<id>`, the field's path), its column's target is `custom:<id>`.
 */
export function issueTarget(issue: RowIssue): string | undefined {
  return issue.field?.startsWith('custom.') ? `custom:${issue.field.slice(7)}` : issue.field;
}

export function issueLabel(t: TFunction, entity: IoEntity, issue: RowIssue, custom: readonly FieldLabel[]): string {
  const text = t(issue.message, { defaultValue: t('validation.invalid') });
  const target = issueTarget(issue);
  return target ? `${targetLabel(t, entity, target, custom)}: ${text}` : text;
}
