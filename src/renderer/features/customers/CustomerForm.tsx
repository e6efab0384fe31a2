// The drawer a company or contact is created or edited in: loads the record, saves it through
// useCustomerSave, shows the duplicate warning (open, merge or save anyway) and ends with the fields
// every customer has (address, tags, custom fields, notes). Each form brings only its own fields.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { navigate } from '../../components/router';
import { CustomFieldInputs } from '../custom-fields/CustomFieldInputs';
import { TagSelect } from '../tags/TagSelect';
import { AddressFields } from './AddressFields';
import { DuplicateAlert } from './DuplicateAlert';
import { FormDrawer } from './FormDrawer';
import { useCustomerSave, type SaveSpec } from './useCustomerSave';
import type { CustomerEntity } from './useDeleteWithUndo';

export interface CustomerFormProps {
  /** A record id, 'new', or null (closed). Mount the form keyed by `editing`. */
  editing: string | null;
  onClose(): void;
  onSaved(id: string): void;
}

interface Props<R, S extends z.ZodType> extends CustomerFormProps {
  entity: CustomerEntity;
  spec: SaveSpec<S>;
  /** Loads the edited record. */
  get(id: string): Promise<R>;
  /** The record as the form's values. */
  formValues(record: R): Record<string, unknown>;
  /** The values a new record starts with. */
  newValues: Record<string, unknown>;
  /** The entity's own fields; `checkDuplicates` goes on the blur of fields duplicates are found by. */
  children(ctx: { record: R | null; checkDuplicates(): void }): ReactNode;
}

export function CustomerForm<R, S extends z.ZodType>({ entity, editing, onClose, onSaved, spec, get, formValues, newValues, children }: Props<R, S>) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [record, setRecord] = useState<R | null>(null);
  const original = useMemo(() => record && formValues(record), [record, formValues]);
  const { saving, duplicates, checkDuplicates, save } = useCustomerSave(form, editing, spec, original);

  useEffect(() => {
    if (!editing || editing === 'new') return;
    void get(editing).then(setRecord);
  }, [editing, get]);

  const submit = async (allowDuplicate = false) => {
    const id = await save(allowDuplicate);
    if (id) onSaved(id);
    return id;
  };
  const mergeWith = async (otherId: string) => {
    const id = await submit(true);
    if (id) navigate({ page: 'merge', entity, a: otherId, b: id });
  };

  const initial = editing === 'new' ? newValues : original;
  return (
    <FormDrawer
      open={editing !== null}
      title={t(editing === 'new' ? `${entity}.new` : `${entity}.edit`)}
      saving={saving}
      onSave={() => void submit()}
      onClose={onClose}
      warning={<DuplicateAlert entity={entity} candidates={duplicates} onSaveAnyway={() => void submit(true)} onMerge={(c) => void mergeWith(c.id)} />}
    >
      {initial && (
        <Form form={form} layout="vertical" initialValues={initial} data-testid={`${entity}-form`}>
          {children({ record, checkDuplicates: () => void checkDuplicates() })}
          <AddressFields />
          <Form.Item name="tagIds" label={t('fields.tags')}>
            <TagSelect mode="multiple" />
          </Form.Item>
          <CustomFieldInputs entity={entity} />
          <Form.Item name="notes" label={t('fields.notes')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Form>
      )}
    </FormDrawer>
  );
}
