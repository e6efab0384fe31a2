// Merge two duplicates: pick which record survives and, field by field, which value it keeps.
// The main process moves the other's timeline, tags and links to the survivor.
import { useState } from 'react';
import { App, Button, Card, Radio, Result, Skeleton, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../shared/companies';
import type { Contact } from '../../../shared/contacts';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { navigate, recordRoute } from '../../components/router';
import { useQuery } from '../../components/useQuery';
import type { CustomerEntity } from './useDeleteWithUndo';

type Side = 'a' | 'b';
type AnyRecord = Contact | Company;
interface MergeField {
  key: string;
  label: string;
  show(r: AnyRecord): string;
}

const text = (v: unknown) => (Array.isArray(v) ? v.join('、') : v === null || v === undefined ? '' : String(v));
const plain = (key: string) => (r: AnyRecord) => text((r as unknown as Record<string, unknown>)[key]);

const CONTACT_FIELDS = ['name', 'gender', 'title', 'mobiles', 'landline', 'emails', 'wechat', 'qq', 'birthday', 'companyId', 'province', 'city', 'district', 'address', 'ownerId', 'notes'];
const COMPANY_FIELDS = ['name', 'category', 'industry', 'size', 'phone', 'website', 'source', 'province', 'city', 'district', 'address', 'ownerId', 'notes'];

function useMergeFields(entity: CustomerEntity): MergeField[] {
  const { t } = useTranslation();
  const shown: Record<string, (r: AnyRecord) => string> = {
    companyId: (r) => text((r as Contact).companyName),
    ownerId: (r) => text(r.ownerName),
    gender: (r) => t(`gender.${(r as Contact).gender}`),
    category: (r) => t(`category.${(r as Company).category}`),
  };
  const labels: Record<string, string> = { name: entity === 'company' ? 'fields.companyName' : 'fields.name', companyId: 'fields.company', ownerId: 'fields.owner' };
  return (entity === 'contact' ? CONTACT_FIELDS : COMPANY_FIELDS).map((key) => ({
    key,
    label: t(labels[key] ?? `fields.${key}`),
    show: shown[key] ?? plain(key),
  }));
}

const load = (entity: CustomerEntity, id: string): Promise<AnyRecord> =>
  entity === 'contact' ? call('contacts.get', { id }) : call('companies.get', { id });

export function MergePage({ entity, a, b }: { entity: CustomerEntity; a: string; b: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fields = useMergeFields(entity);
  const { data, error } = useQuery(`${entity}/${a}/${b}`, () => Promise.all([load(entity, a), load(entity, b)]));
  const [survivor, setSurvivor] = useState<Side>('a');
  const [choice, setChoice] = useState<Record<string, Side>>({});
  const [saving, setSaving] = useState(false);
  if (error) return <Result status="warning" title={errorText(t, error)} />;
  if (!data) return <Skeleton active />;
  const [recA, recB] = data;
  const rec = { a: recA, b: recB };
  const pick = (key: string) => choice[key] ?? survivor;

  const merge = async () => {
    const other: Side = survivor === 'a' ? 'b' : 'a';
    const take = Object.fromEntries(fields.map((f) => [f.key, pick(f.key) === survivor ? 'survivor' : 'other'] as const));
    const input = { survivorId: rec[survivor].id, otherId: rec[other].id, take };
    setSaving(true);
    try {
      const merged = entity === 'contact' ? await call('contacts.merge', input) : await call('companies.merge', input);
      message.success(t('merge.done'));
      navigate(recordRoute(entity, merged.id));
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };

  const cell = (side: Side) => (f: MergeField) => {
    const value = f.show(rec[side]);
    const same = value === f.show(rec[side === 'a' ? 'b' : 'a']);
    return same ? (
      <span className="muted">{value || '—'}</span>
    ) : (
      <Radio checked={pick(f.key) === side} onChange={() => setChoice({ ...choice, [f.key]: side })} aria-label={`${f.label} ${value}`}>
        {value || '—'}
      </Radio>
    );
  };
  const head = (side: Side) => (
    <Radio checked={survivor === side} onChange={() => setSurvivor(side)} data-testid={`survivor-${side}`}>
      {t('merge.keepRecord', { name: rec[side].name })}
      <span className="muted"> · {t('fields.created')} {dayjs(rec[side].createdAt).format('YYYY-MM-DD HH:mm')}</span>
    </Radio>
  );
  return (
    <div className="detail-page" data-testid="merge-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('merge.title')}</Typography.Title>
        <Space>
          <Button onClick={() => history.back()}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void merge()} data-testid="merge-submit">
            {t('merge.submit')}
          </Button>
        </Space>
      </div>
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('merge.explain')}</Typography.Paragraph>
        <Table<MergeField>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={fields}
          columns={[
            { key: 'field', title: t('merge.field'), width: 140, render: (_, f) => f.label },
            { key: 'a', title: head('a'), render: (_, f) => cell('a')(f) },
            { key: 'b', title: head('b'), render: (_, f) => cell('b')(f) },
          ]}
        />
      </Card>
    </div>
  );
}
