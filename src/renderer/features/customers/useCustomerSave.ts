// Saving a company or contact form: validate with the shared zod schema (the same the main
// process runs), warn about duplicates before creating, and put server field errors on the form.
import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { DuplicateCandidate } from '../../../shared/customers';
import { ApiError } from '../../api';
import { applyIssues, errorText, zodIssues } from '../../components/errors';

export interface SaveSpec<S extends z.ZodType> {
  schema: S;
  /** Records these values would duplicate, leaving out the record being edited (`excludeId`). */
  duplicates(values: z.output<S>, excludeId: string | null): Promise<DuplicateCandidate[]>;
  /** The fields duplicates are found by: an edit is checked only when one of them changed. */
  duplicateKeys: readonly string[];
  create(values: z.output<S>, allowDuplicate: boolean): Promise<{ id: string }>;
  update(id: string, values: z.output<S>): Promise<{ id: string }>;
  /** Form values → schema input (e.g. drop blank rows of a list), written back to the form. */
  tidy?(values: Record<string, unknown>): Record<string, unknown>;
  /** Tidy values as the form shows them again (e.g. one empty input for an empty list). */
  shown?(values: Record<string, unknown>): Record<string, unknown>;
}

/**
 * `original` is the edited record's form values (null for a new record): an edit warns about
 * duplicates only when the name, a number or an email changed, so a record that already looked
 * like another one does not warn on every save.
 */
export function useCustomerSave<S extends z.ZodType>(form: FormInstance, editingId: string | null, spec: SaveSpec<S>, original: Record<string, unknown> | null = null) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);
  const isNew = editingId === 'new';

  /** The form's values tidied for the schema; on save the tidy values are also written back. */
  const values = (writeBack: boolean) => {
    const raw = form.getFieldsValue(true) as Record<string, unknown>;
    if (!spec.tidy) return raw;
    const tidy = spec.tidy(raw);
    if (writeBack) form.setFieldsValue(spec.shown ? spec.shown(tidy) : tidy);
    return tidy;
  };

  const duplicateKey = (v: unknown) => JSON.stringify(spec.duplicateKeys.map((k) => (v as Record<string, unknown>)[k] ?? null));
  /** Whether these values should be checked for duplicates: a new record, or a changed key field. */
  const worthChecking = (v: z.output<S>) => {
    if (isNew) return true;
    if (!original) return false;
    const before = spec.schema.safeParse(spec.tidy ? spec.tidy(original) : original);
    return !before.success || duplicateKey(before.data) !== duplicateKey(v);
  };
  const excludeId = isNew ? null : editingId;

  const parse = () => {
    const parsed = spec.schema.safeParse(values(true));
    if (!parsed.success) applyIssues(t, form, zodIssues(parsed.error));
    return parsed.success ? (parsed.data as z.output<S>) : null;
  };

  /** On blur of a name/phone/email field: look for duplicates (of an edit, only once it changed). */
  const checkDuplicates = async () => {
    const parsed = spec.schema.safeParse(values(false));
    if (!parsed.success) return;
    const v = parsed.data as z.output<S>;
    setDuplicates(worthChecking(v) ? await spec.duplicates(v, excludeId).catch(() => []) : []);
  };

  /** Returns the saved record's id, or null when it was not saved (errors or duplicates shown). */
  const save = async (allowDuplicate = false): Promise<string | null> => {
    const parsed = parse();
    if (!parsed || !editingId) return null;
    setSaving(true);
    try {
      if (!allowDuplicate && worthChecking(parsed)) {
        const found = await spec.duplicates(parsed, excludeId);
        setDuplicates(found);
        if (found.length > 0) return null;
      }
      const saved = isNew ? await spec.create(parsed, allowDuplicate) : await spec.update(editingId, parsed);
      setDuplicates([]);
      message.success(t('common.saved'));
      return saved.id;
    } catch (e) {
      if (e instanceof ApiError && e.data.code === 'duplicate' && Array.isArray(e.data.detail)) {
        setDuplicates(e.data.detail as DuplicateCandidate[]);
      } else {
        if (e instanceof ApiError && e.data.fields) applyIssues(t, form, e.data.fields);
        message.error(errorText(t, e));
      }
      return null;
    } finally {
      setSaving(false);
    }
  };

  return { saving, duplicates, setDuplicates, checkDuplicates, save };
}
