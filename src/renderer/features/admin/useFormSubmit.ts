// One way the admin forms send: check the values with the channel's own schema, call it, and put
// what the main process refuses on the fields it names (else a translated message).
import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../../api';
import { applyIssues, errorText, zodIssues } from '../../components/errors';

export function useFormSubmit() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async <S extends z.ZodType>(form: FormInstance, schema: S, raw: unknown, send: (input: z.output<S>) => Promise<unknown>) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      applyIssues(t, form, zodIssues(parsed.error));
      return false;
    }
    setBusy(true);
    try {
      await send(parsed.data);
      return true;
    } catch (e) {
      const fields = e instanceof ApiError ? (e.data.fields ?? []) : [];
      const onForm = new Set(Object.keys(form.getFieldsValue() as object));
      const here = fields.filter((f) => onForm.has(f.path.split('.')[0]));
      applyIssues(t, form, here);
      // An error about no field on this form still needs saying.
      if (here.length < fields.length || !fields.length) message.error({ content: errorText(t, e), duration: 8 });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
