// Settings → custom fields: extra fields an admin adds to contacts or companies.
import { useMemo } from 'react';
import { App, Button, Form, Input, Select, Space, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CustomEntity, CustomFieldSave, CustomFieldType, VALUES_MISFIT, type CustomField, type CustomFieldMisfits } from '../../../shared/custom-fields';
import { ApiError, call } from '../../api';
import { SettingsList } from '../../components/SettingsList';
import { useCustomFields } from './store';

type SaveInput = z.output<typeof CustomFieldSave>;

const hasOptions = (type: CustomField['type'] | undefined) => type === 'select' || type === 'multiselect';

/** An option's row in the form: its name, and the name it had when the form opened (none for a row added). */
interface OptionRow {
  name?: string;
  from?: string;
}

/**
 * A field as the form holds it: each option in a row that remembers its saved name, so a name
 * edited in its row is told from an option removed and another added (the save carries a renamed
 * option's values over, and asks before clearing a removed one's).
 */
type FieldForm = Omit<CustomField, 'options'> & { options: OptionRow[] };

const toForm = (f: CustomField): FieldForm => ({ ...f, options: f.options.map((o) => ({ name: o, from: o })) });

/** The rows as the save takes them: the options (a blank row is none, a name twice is one) and the saved names edited. */
function optionsOf(rows: OptionRow[]): Pick<SaveInput, 'options' | 'renames'> {
  const named = rows.map((r) => ({ from: r.from, to: (r.name ?? '').trim() })).filter((r) => r.to !== '');
  const renames = named.filter((r): r is SaveInput['renames'][number] => r.from !== undefined && r.from !== r.to);
  return { options: [...new Set(named.map((r) => r.to))], renames };
}

const input = (raw: Partial<FieldForm>, id: string | undefined) => ({
  ...raw,
  id,
  ...(hasOptions(raw.type) ? optionsOf(raw.options ?? []) : { options: [], renames: [] }),
});

/**
 * A rule that never fails. A field without rules is never validated, so a note the save put on it
 * (the refused save's values_misfit) would stay after the field is changed; this clears it then.
 */
const clearNoteOnChange = [{ validator: () => Promise.resolve() }];

/**
 * The options, one row each: a name edited in its row is a rename. Kept mounted (hidden) for a type
 * without options, so switching the type there and back keeps the rows and what they were.
 */
function OptionRows({ hidden }: { hidden: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  // A row added (by the button or Enter in the row above) is where the admin types next.
  const added = (row: number) => form.getFieldValue(['options', row, 'from']) === undefined;
  return (
    <Form.List name="options" rules={clearNoteOnChange}>
      {(rows, { add, remove }, { errors }) => (
        <Form.Item label={t('customFields.options')} extra={t('customFields.optionsHint')} hidden={hidden} data-testid="custom-field-options">
          {rows.map((row, i) => (
            <Space key={row.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[row.name, 'name']} style={{ marginBottom: 8, width: 400 }}>
                <Input
                  maxLength={40}
                  autoFocus={added(row.name)}
                  aria-label={`${t('customFields.options')} ${i + 1}`}
                  onPressEnter={(e) => {
                    e.preventDefault();
                    add({}, i + 1);
                  }}
                />
              </Form.Item>
              <MinusCircleOutlined aria-label={t('customFields.removeOption')} onClick={() => remove(row.name)} />
            </Space>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})} data-testid="custom-field-add-option">
            {t('customFields.addOption')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}

/**
 * The modal's fields: options only for a (multi)select. An existing field's entity is shown but
 * fixed (the save refuses a change: its values would stay behind on the other entity's records).
 * The edited field's id is among the form's initial values, not an item of it: hence `preserve`.
 */
function CustomFieldFormItems() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const type = Form.useWatch('type', form) as CustomField['type'] | undefined;
  const existing = Boolean(Form.useWatch('id', { form, preserve: true }));
  return (
    <>
      <Form.Item name="entity" label={t('customFields.entity')} extra={existing ? t('customFields.entityFixed') : undefined}>
        <Select disabled={existing} data-testid="custom-field-entity" options={CustomEntity.options.map((e) => ({ value: e, label: t(`customFields.entities.${e}`) }))} />
      </Form.Item>
      <Form.Item name="label" label={t('customFields.label')} required>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="type" label={t('customFields.type')} rules={clearNoteOnChange}>
        <Select options={CustomFieldType.options.map((ty) => ({ value: ty, label: t(`customFields.types.${ty}`) }))} />
      </Form.Item>
      <OptionRows hidden={!hasOptions(type)} />
    </>
  );
}

/** What the question says: which values go (dropped options or a type they do not fit), and how many records hold them. */
function MisfitText({ input, found }: { input: SaveInput; found: CustomFieldMisfits }) {
  const { t } = useTranslation();
  const options = found.options.map((name) => t('customFields.misfit.quoted', { name })).join(t('customFields.misfit.separator'));
  return (
    <Space orientation="vertical" data-testid="misfit-text">
      {found.options.length
        ? t('customFields.misfit.options', { count: found.count, options })
        : t('customFields.misfit.type', { count: found.count, type: t(`customFields.types.${input.type}`) })}
      {found.trashed > 0 && t('customFields.misfit.trashed', { count: found.trashed })}
    </Space>
  );
}

/**
 * Saves a field; when records hold values the changed field would refuse, asks whether to clear
 * them and saves again with clearMisfits. Cancelling keeps the form open as it was: the error
 * comes back on the field that caused it, so the form says why nothing was saved.
 */
function useSaveField() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const ask = (input: SaveInput, found: CustomFieldMisfits) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('customFields.misfit.title'),
        content: <MisfitText input={input} found={found} />,
        okText: t('customFields.misfit.ok'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  return async (input: SaveInput) => {
    try {
      return await call('customFields.save', input);
    } catch (e) {
      if (!(e instanceof ApiError) || e.data.message !== VALUES_MISFIT) throw e;
      const found = e.data.detail as CustomFieldMisfits;
      if (await ask(input, found)) return call('customFields.save', { ...input, clearMisfits: true });
      throw new ApiError({ ...e.data, fields: [{ path: found.options.length ? 'options' : 'type', message: VALUES_MISFIT, params: e.data.params }] });
    }
  };
}

export function CustomFieldSettings() {
  const { t } = useTranslation();
  const { fields, load } = useCustomFields();
  const items = useMemo(() => fields.map(toForm), [fields]);
  const save = useSaveField();
  return (
    <SettingsList<FieldForm, typeof CustomFieldSave>
      items={items}
      load={load}
      newLabel={t('customFields.new')}
      editLabel={t('customFields.edit')}
      fresh={() => ({ entity: 'contact', type: 'text', options: [] })}
      columns={[
        { key: 'entity', title: t('customFields.entity'), width: 120, render: (_, f) => t(`customFields.entities.${f.entity}`) },
        { key: 'label', title: t('customFields.label'), dataIndex: 'label' },
        { key: 'type', title: t('customFields.type'), width: 120, render: (_, f) => t(`customFields.types.${f.type}`) },
        { key: 'options', title: t('customFields.options'), render: (_, f) => f.options.map((o) => <Tag key={o.from}>{o.from}</Tag>) },
      ]}
      confirmDelete={(f) => t('customFields.confirmDelete', { label: f.label })}
      schema={CustomFieldSave}
      input={input}
      save={save}
      remove={(id) => call('customFields.delete', { id })}
      formTestId="custom-field-form"
    >
      <CustomFieldFormItems />
    </SettingsList>
  );
}
