// Picks what a task is about: a contact or company (search.global) or a lead or opportunity
// (tasks.subjects). The value is 'type:id'; works as an antd form control.
import { useRef, useState } from 'react';
import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubjectHit, TaskSubjectType } from '../../../shared/tasks';
import { call } from '../../api';

interface Props {
  value?: string | null;
  onChange?(value: string | null): void;
  /** The current subject's name, shown before any search. */
  initialName?: string | null;
  id?: string;
}

export const subjectValue = (type: TaskSubjectType, id: string) => `${type}:${id}`;
export function parseSubject(value: string | null | undefined): { subjectType: TaskSubjectType | null; subjectId: string | null } {
  if (!value) return { subjectType: null, subjectId: null };
  const [type, id] = value.split(':');
  return { subjectType: type as TaskSubjectType, subjectId: id };
}

async function findSubjects(q: string): Promise<SubjectHit[]> {
  const [customers, sales] = await Promise.all([
    call('search.global', { q, limit: 10 }).catch(() => []),
    call('tasks.subjects', { q }).catch(() => []),
  ]);
  return [...customers.map((h) => ({ type: h.type, id: h.id, name: h.name })), ...sales];
}

export function SubjectSelect({ value, onChange, initialName, id }: Props) {
  const { t } = useTranslation();
  const [hits, setHits] = useState<SubjectHit[]>([]);
  const latest = useRef('');
  const search = async (q: string) => {
    latest.current = q;
    const found = q.trim() ? await findSubjects(q.trim()) : [];
    if (latest.current === q) setHits(found);
  };
  const label = (type: TaskSubjectType, name: string) => (
    <span>
      <Tag>{t(`tasks.subjectType.${type}`)}</Tag>
      {name}
    </span>
  );
  const options = hits.map((h) => ({ value: subjectValue(h.type, h.id), label: label(h.type, h.name) }));
  if (value && !options.some((o) => o.value === value)) {
    const { subjectType } = parseSubject(value);
    options.unshift({ value, label: label(subjectType!, initialName ?? t('tasks.subjectGone')) });
  }
  return (
    <Select
      id={id}
      aria-label={t('tasks.fields.subject')}
      placeholder={t('tasks.subjectPlaceholder')}
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      allowClear
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      options={options}
      notFoundContent={null}
      data-testid="task-subject"
    />
  );
}
