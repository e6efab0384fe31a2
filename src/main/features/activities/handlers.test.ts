import { describe, expect, it } from 'vitest';
import type { Output } from '../../../shared/contract';
import { useTempRuntime } from '../../test/use-temp-runtime';

const runtime = useTempRuntime();

const at = (day: number) => `2025-03-${String(day).padStart(2, '0')}T08:00:00.000Z`;

describe('activities', () => {
  it('lists newest first in pages; a company sees its contacts’ activities', async () => {
    const co = await runtime().call('companies.create', { name: '腾达' });
    const c = await runtime().call('contacts.create', { name: '张伟', companyId: co.id });
    const made = [];
    for (const day of [3, 1, 3, 2, 5]) {
      made.push(await runtime().call('activities.create', { subjectType: 'contact', subjectId: c.id, kind: 'call', occurredAt: at(day), content: `第${day}天` }));
    }
    const own = await runtime().call('activities.create', { subjectType: 'company', subjectId: co.id, kind: 'visit', occurredAt: at(4), content: '拜访' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Output<'activities.list'> = await runtime().call('activities.list', { subjectId: co.id, limit: 2, cursor });
      seen.push(...page.items.map((a) => a.occurredAt));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([at(5), at(4), at(3), at(3), at(2), at(1)]);
    const contactTimeline = await runtime().call('activities.list', { subjectId: c.id });
    expect(contactTimeline.items).toHaveLength(5);
    expect(contactTimeline.items.map((a) => a.id)).not.toContain(own.id);
    expect(contactTimeline.items[0]).toMatchObject({ userId: 'owner', userName: '店主', kind: 'call' });
  });

  it('keeps last-contacted on the contact and its company through create, update and delete', async () => {
    const co = await runtime().call('companies.create', { name: '腾达' });
    const c = await runtime().call('contacts.create', { name: '张伟', companyId: co.id });
    const a = await runtime().call('activities.create', { subjectType: 'contact', subjectId: c.id, kind: 'meeting', occurredAt: at(10), content: '会议' });
    await runtime().call('activities.create', { subjectType: 'contact', subjectId: c.id, kind: 'email', occurredAt: at(2), content: '邮件' });
    const last = async () => [(await runtime().call('contacts.get', { id: c.id })).lastContactedAt, (await runtime().call('companies.get', { id: co.id })).lastContactedAt];
    expect(await last()).toEqual([at(10), at(10)]);
    const updated = await runtime().call('activities.update', { id: a.id, patch: { occurredAt: at(12), content: '改期' } });
    expect(updated).toMatchObject({ occurredAt: at(12), content: '改期', kind: 'meeting' });
    expect(await last()).toEqual([at(12), at(12)]);
    await runtime().call('activities.delete', { id: a.id });
    expect(await last()).toEqual([at(2), at(2)]);
    await expect(runtime().call('activities.update', { id: a.id, patch: { content: 'x' } })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a subject that is missing or deleted', async () => {
    const c = await runtime().call('contacts.create', { name: '张伟' });
    await runtime().call('contacts.delete', { ids: [c.id] });
    await expect(runtime().call('activities.create', { subjectType: 'contact', subjectId: c.id, kind: 'note', occurredAt: at(1), content: '备注' })).rejects.toMatchObject({
      fields: [{ path: 'subjectId', message: 'validation.subject_missing' }],
    });
  });
});
