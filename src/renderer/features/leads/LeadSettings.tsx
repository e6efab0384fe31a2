// Settings → lead sources: the three sales choice lists (lead sources, lost reasons, invalid
// reasons), each edited with the shared SettingsList.
import { useCallback } from 'react';
import { Card, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { PICKLISTS, PicklistSave, type PicklistItem, type PicklistName } from '../../../shared/leads';
import { call } from '../../api';
import { SettingsList } from '../../components/SettingsList';
import { usePicklists } from './store';

function PicklistEditor({ list }: { list: PicklistName }) {
  const { t } = useTranslation();
  const items = usePicklists((s) => s.lists[list]) ?? [];
  const loadAll = usePicklists((s) => s.load);
  const load = useCallback(() => loadAll(list), [loadAll, list]);
  return (
    <Card size="small" title={t(`leads.settings.lists.${list}`)} data-testid={`picklist-${list}`}>
      <SettingsList<PicklistItem, typeof PicklistSave>
        items={items}
        load={load}
        newLabel={t('leads.settings.new')}
        editLabel={t('leads.settings.edit')}
        fresh={() => ({})}
        columns={[{ key: 'label', title: t('leads.settings.label'), dataIndex: 'label' }]}
        confirmDelete={(item) => t('leads.settings.confirmDelete', { label: item.label })}
        schema={PicklistSave}
        input={(raw, id) => ({ id, list, label: raw.label ?? '' })}
        save={(v) => call('picklists.save', v)}
        remove={(id) => call('picklists.delete', { id })}
        formTestId={`picklist-form-${list}`}
      >
        <Form.Item name="label" label={t('leads.settings.label')} required>
          <Input autoFocus maxLength={50} />
        </Form.Item>
      </SettingsList>
    </Card>
  );
}

export function LeadSettings() {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {PICKLISTS.map((list) => (
        <PicklistEditor key={list} list={list} />
      ))}
    </Space>
  );
}
