// Merge two duplicates: pick which record survives and, field by field, which value it keeps.
// The main process moves the other's timeline, tags and links to the survivor.
import { useState } from 'react';
import { App, Button, Card, Checkbox, Radio, Result, Skeleton, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../shared/companies';
import type { Contact } from '../../../shared/contacts';
import { MERGE_LIST_FIELDS } from '../../../shared/customers';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { navigate, recordRoute } from '../../components/router';
import { useQuery } from '../../components/useQuery';
import { companyLabel } from '../contacts/companyLabel';
import { fieldsOf, useLoadedCustomFields } from '../custom-fields/store';
import type { CustomerEntity } from './useDeleteWithUndo';

type Side = 'a' | 'b';
/** A field's choice: one record's value, or for list fields both records' values combined. */
type Pick = Side | 'both';
type AnyRecord = Contact | Company;
interface MergeField {
  /** The `take` key: a field name, or `custom.<fieldId>`. */
  key: string;
  label: string;
  /** Mobiles and emails: both records' values are kept unless one side is picked. */
  list?: boolean;
  show(r: AnyRecord): string;
  /** The field's value as a list (list fields) or one value, for the combined result. */
  values(r: AnyRecord): string[];
}

const text = (v: unknown) => (Array.isArray(v) ? v.join('、') : v === null || v === undefined ? '' : String(v));
const raw = (key: string) => (r: AnyRecord) => (r as unknown as Record<string, unknown>)[key];
const asList = (v: unknown) => (Array.isArray(v) ? v.map(String) : v === null || v === undefined || v === '' ? [] : [String(v)]);

const CONTACT_FIELDS = ['name', 'gender', 'title', 'mobiles', 'landline', 'emails', 'wechat', 'qq', 'birthday', 'companyId', 'province', 'city', 'district', 'address', 'ownerId', 'notes'];
const COMPANY_FIELDS = ['name', 'category', 'industry', 'size', 'phone', 'website', 'source', 'province', 'city', 'district', 'address', 'ownerId', 'notes'];
const LIST_FIELDS = new Set<string>(MERGE_LIST_FIELDS);
const LIST_MAX = 10;

function useMergeFields(entity: CustomerEntity): MergeField[] {
  const { t } = useTranslation();
  const custom = fieldsOf(useLoadedCustomFields(), entity);
  const shown: Record<string, (r: AnyRecord) => string> = {
    companyId: (r) => text(companyLabel(t, r as Contact)),
    ownerId: (r) => text(r.ownerName),
    gender: (r) => t(`gender.${(r as Contact).gender}`),
    category: (r) => t(`category.${(r as Company).category}`),
  };
  const labels: Record<string, string> = { name: entity === 'company' ? 'fields.companyName' : 'fields.name', companyId: 'fields.company', ownerId: 'fields.owner' };
  const own = (entity === 'contact' ? CONTACT_FIELDS : COMPANY_FIELDS).map((key) => ({
    key,
    label: t(labels[key] ?? `fields.${key}`),
    list: LIST_FIELDS.has(key),
    show: shown[key] ?? ((r: AnyRecord) => text(raw(key)(r))),
    values: (r: AnyRecord) => asList(raw(key)(r)),
  }));
  const customs = custom.map((f) => ({
    key: `custom.${f.id}`,
    label: f.label,
    show: (r: AnyRecord) => text(r.custom[f.id]),
    values: (r: AnyRecord) => asList(r.custom[f.id]),
  }));
  return [...own, ...customs];
}

const load = (entity: CustomerEntity, id: string): Promise<AnyRecord> =>
  entity === 'contact' ? call('contacts.get', { id }) : call('companies.get', { id });

export function MergePage({ entity, a, b }: { entity: CustomerEntity; a: string; b: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fields = useMergeFields(entity);
  const { data, error } = useQuery(`${entity}/${a}/${b}`, () => Promise.all([load(entity, a), load(entity, b)]));
  const [survivor, setSurvivor] = useState<Side>('a');
  const [choice, setChoice] = useState<Record<string, Pick>>({});
  const [saving, setSaving] = useState(false);
  if (error) return <Result status="warning" title={errorText(t, error)} />;
  if (!data) return <Skeleton active />;
  const [recA, recB] = data;
  const rec = { a: recA, b: recB };
  const other: Side = survivor === 'a' ? 'b' : 'a';
  /**
   * What a field keeps unless the person chooses: both lists for list fields; otherwise the
   * survivor's value, or the other's when only the other has one (nothing is lost by default).
   */
  const defaultPick = (f: MergeField): Pick => {
    if (f.list) return 'both';
    return f.values(rec[survivor]).length === 0 && f.values(rec[other]).length > 0 ? other : survivor;
  };
  const pick = (f: MergeField): Pick => choice[f.key] ?? defaultPick(f);
  const result = (f: MergeField): string => {
    const p = pick(f);
    if (p !== 'both') return f.show(rec[p]);
    return [...new Set([...f.values(rec[survivor]), ...f.values(rec[other])])].slice(0, LIST_MAX).join('、');
  };

  const merge = async () => {
    const sideOf = (p: Pick) => (p === 'both' ? 'both' : p === survivor ? 'survivor' : 'other');
    const take = Object.fromEntries(fields.map((f) => [f.key, sideOf(pick(f))] as const));
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

  const differs = (f: MergeField) => f.show(rec.a) !== f.show(rec.b);
  const cell = (side: Side) => (f: MergeField) => {
    const value = f.show(rec[side]);
    return differs(f) ? (
      <Radio checked={pick(f) === side} onChange={() => setChoice({ ...choice, [f.key]: side })} aria-label={`${f.label} ${value}`}>
        {value || '—'}
      </Radio>
    ) : (
      <span className="muted">{value || '—'}</span>
    );
  };
  const resultCell = (f: MergeField) => (
    <Space direction="vertical" size={0}>
      <span data-testid={`merge-result-${f.key}`}>{result(f) || '—'}</span>
      {f.list && differs(f) && (
        <Checkbox
          checked={pick(f) === 'both'}
          onChange={(e) => setChoice({ ...choice, [f.key]: e.target.checked ? 'both' : survivor })}
          data-testid={`merge-both-${f.key}`}
        >
          {t('merge.keepBoth')}
        </Checkbox>
      )}
    </Space>
  );
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
            { key: 'result', title: t('merge.result'), render: (_, f) => resultCell(f) },
          ]}
        />
      </Card>
    </div>
  );
}
