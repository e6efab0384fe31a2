import { describe, expect, it } from 'vitest';
import { useTempRuntime } from '../../test/use-temp-runtime';
import { builtinSession, type RoleName, type SessionInfo } from '../../../shared/permissions';
import { dayOf } from './days';

const runtime = useTempRuntime();
const call = ((...args: Parameters<ReturnType<typeof runtime>['call']>) => runtime().call(...args)) as ReturnType<typeof runtime>['call'];

/** A local time as ISO, so that the tests hold in any time zone. */
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();
const minutesFrom = (iso: string, n: number) => new Date(Date.parse(iso) + n * 60_000).toISOString();

describe('tasks', () => {
  it('creates, reads, edits and deletes; the subject must be live and its name is shown', async () => {
    const contact = await call('contacts.create', { name: '张伟' });
    const task = await call('tasks.create', { title: '回电话', dueAt: local(2026, 3, 2, 10), priority: 'high', subjectType: 'contact', subjectId: contact.id });
    expect(task).toMatchObject({ title: '回电话', priority: 'high', remindAt: local(2026, 3, 2, 10), subject: { type: 'contact', id: contact.id, name: '张伟' } });
    expect(await call('tasks.get', { id: task.id })).toEqual(task);

    await expect(call('tasks.create', { title: 'x', subjectType: 'lead', subjectId: 'ghost' })).rejects.toMatchObject({ fields: [{ path: 'subjectId', message: 'tasks.errors.subject_missing' }] });
    await expect(call('tasks.create', { title: ' ' })).rejects.toMatchObject({ fields: [{ path: 'title', message: 'validation.required' }] });
    await expect(call('tasks.create', { title: 'x', allDay: true, dueAt: '2026-02-30' })).rejects.toMatchObject({ fields: [{ path: 'dueAt', message: 'validation.date' }] });
    await expect(call('tasks.create', { title: 'x', repeat: { freq: 'daily', interval: 1 } })).rejects.toMatchObject({ fields: [{ path: 'dueAt', message: 'tasks.errors.repeat_needs_due' }] });

    // Moving the due time moves the reminder with it (15 minutes before stays 15 minutes before).
    await call('tasks.update', { id: task.id, patch: { remindAt: local(2026, 3, 2, 9, 45) } });
    const moved = await call('tasks.update', { id: task.id, patch: { dueAt: local(2026, 3, 5, 14), title: '回电话给张伟' } });
    expect(moved).toMatchObject({ title: '回电话给张伟', dueAt: local(2026, 3, 5, 14), remindAt: local(2026, 3, 5, 13, 45), priority: 'high' });

    // All day: reminded on the day at the reminder time of day.
    const allDay = await call('tasks.create', { title: '寄样品', allDay: true, dueAt: '2026-03-06', remindAt: undefined });
    expect(allDay).toMatchObject({ dueAt: '2026-03-06', allDay: true, remindAt: local(2026, 3, 6, 9) });
    expect((await call('tasks.create', { title: '无提醒', dueAt: local(2026, 3, 2, 10), remindAt: null })).remindAt).toBeNull();

    await call('contacts.delete', { ids: [contact.id] });
    expect((await call('tasks.get', { id: task.id })).subject).toEqual({ type: 'contact', id: contact.id, name: null });
    await call('tasks.delete', { id: task.id });
    await expect(call('tasks.get', { id: task.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists by status, range, subject and priority, paged', async () => {
    const company = await call('companies.create', { name: '腾达' });
    const ids: string[] = [];
    for (let d = 1; d <= 5; d++) {
      const t = await call('tasks.create', { title: `t${d}`, dueAt: local(2026, 4, d, 9), priority: d === 3 ? 'urgent' : 'normal', subjectType: d % 2 ? 'company' : null, subjectId: d % 2 ? company.id : null });
      ids.push(t.id);
    }
    await call('tasks.create', { title: 'undated' });
    await call('tasks.complete', { id: ids[1] });

    const open = await call('tasks.list', { limit: 2 });
    expect(open.items.map((t) => t.title)).toEqual(['t1', 't3']);
    const rest = await call('tasks.list', { limit: 10, cursor: open.nextCursor });
    expect(rest.items.map((t) => t.title)).toEqual(['t4', 't5', 'undated']);
    expect(rest.nextCursor).toBeNull();

    expect((await call('tasks.list', { status: 'done' })).items.map((t) => t.title)).toEqual(['t2']);
    expect((await call('tasks.list', { status: 'all', from: '2026-04-02', to: '2026-04-03' })).items.map((t) => t.title)).toEqual(['t2', 't3']);
    expect((await call('tasks.list', { subjectType: 'company', subjectId: company.id })).items.map((t) => t.title)).toEqual(['t1', 't3', 't5']);
    expect((await call('tasks.list', { priority: 'urgent' })).items.map((t) => t.title)).toEqual(['t3']);
  });

  it('completing a repeating task makes the next occurrence; undo takes it back unless edited', async () => {
    const task = await call('tasks.create', { title: '月报', dueAt: local(2026, 1, 31, 9), remindAt: local(2026, 1, 31, 8, 30), repeat: { freq: 'monthly', interval: 1 } });
    const done = await call('tasks.complete', { id: task.id });
    expect(done.doneAt).not.toBeNull();
    const next = await call('tasks.get', { id: done.nextTaskId! });
    expect(next).toMatchObject({ title: '月报', dueAt: local(2026, 2, 28, 9), remindAt: local(2026, 2, 28, 8, 30), repeat: { freq: 'monthly', interval: 1 }, doneAt: null });
    // Completing the February one keeps the original day: 31 March.
    const march = await call('tasks.get', { id: (await call('tasks.complete', { id: next.id })).nextTaskId! });
    expect(march.dueAt).toBe(local(2026, 3, 31, 9));

    // Undo the February completion: March was not touched, so it goes.
    const reopened = await call('tasks.reopen', { id: next.id });
    expect(reopened).toMatchObject({ doneAt: null, nextTaskId: null });
    await expect(call('tasks.get', { id: march.id })).rejects.toMatchObject({ code: 'not_found' });

    // Undo the January one after February was edited: February stays, and a second completion
    // does not make another one.
    await call('tasks.update', { id: next.id, patch: { notes: '附上销售数据' } });
    expect((await call('tasks.reopen', { id: task.id })).nextTaskId).toBe(next.id);
    expect((await call('tasks.complete', { id: task.id })).nextTaskId).toBe(next.id);
    expect((await call('tasks.list', { status: 'open' })).items.map((t) => t.id)).toEqual([next.id]);
  });

  it('finds leads and opportunities to link to', async () => {
    const lead = await call('leads.create', { name: '华星贸易王总' });
    const deal = await call('deals.create', { name: '华星年度采购' });
    const hits = await call('tasks.subjects', { q: '华星' });
    expect(hits).toEqual([
      { type: 'lead', id: lead.id, name: '华星贸易王总' },
      { type: 'opportunity', id: deal.id, name: '华星年度采购' },
    ]);
    const t = await call('tasks.create', { title: '报价', subjectType: 'opportunity', subjectId: deal.id });
    expect(t.subject?.name).toBe('华星年度采购');
  });
});

describe('agenda and calendar', () => {
  // Wednesday 11 March 2026, 10:00: the week runs to Sunday the 15th.
  const now = local(2026, 3, 11, 10);

  async function seed() {
    const titles: Record<string, string> = {};
    const task = async (title: string, input: Record<string, unknown>) => {
      titles[(await call('tasks.create', { title, ...input })).id] = title;
    };
    await task('overdue', { dueAt: local(2026, 3, 9, 9) });
    await task('today-all-day', { allDay: true, dueAt: '2026-03-11' });
    await task('today', { dueAt: local(2026, 3, 11, 14) });
    await task('friday', { dueAt: local(2026, 3, 13, 9) });
    await task('next-week', { dueAt: local(2026, 3, 17, 9) });
    const done = await call('tasks.create', { title: 'done', dueAt: local(2026, 3, 11, 8) });
    await call('tasks.complete', { id: done.id });
    const late = await call('leads.create', { name: '迟到线索', nextFollowUpAt: local(2026, 3, 10, 15) });
    await call('leads.create', { name: '周四线索', nextFollowUpAt: local(2026, 3, 12, 15) });
    const invalid = await call('leads.create', { name: '无效线索', nextFollowUpAt: local(2026, 3, 11, 15) });
    await runtime().app.db.kysely.updateTable('leads').set({ status: 'invalid' }).where('id', '=', invalid.id).execute();
    await call('contacts.create', { name: '生日今天', birthday: '1990-03-11' });
    await call('contacts.create', { name: '生日周六', birthday: '1985-03-14' });
    await call('contacts.create', { name: '生日下周', birthday: '1980-03-20' });
    await call('deals.create', { name: '三月大单', expectedClose: '2026-03-12' });
    return { late };
  }

  const label = (item: Awaited<ReturnType<typeof call<'tasks.agenda'>>>['today'][number]) =>
    item.kind === 'task' ? item.task.title : item.kind === 'follow_up' ? item.lead.name : item.contact.name;

  it('buckets open tasks, follow-ups and birthdays into overdue, today and this week', async () => {
    await seed();
    const agenda = await call('tasks.agenda', { now });
    expect(agenda.overdue.map(label)).toEqual(['overdue', '迟到线索']);
    expect(agenda.today.map(label)).toEqual(['today-all-day', '生日今天', 'today']);
    expect(agenda.week.map(label)).toEqual(['周四线索', 'friday', '生日周六']);
  });

  it('the calendar shows every kind of entry by local day, holidays the device greets on', async () => {
    await seed();
    const entries = await call('calendar.range', { from: '2026-03-08', to: '2026-03-14' });
    expect(entries.map((e) => [e.date, e.kind, e.title])).toEqual([
      ['2026-03-09', 'task', 'overdue'],
      ['2026-03-10', 'follow_up', '迟到线索'],
      ['2026-03-11', 'task', 'today-all-day'],
      ['2026-03-11', 'birthday', '生日今天'],
      ['2026-03-11', 'task', 'done'],
      ['2026-03-11', 'task', 'today'],
      ['2026-03-12', 'close', '三月大单'],
      ['2026-03-12', 'follow_up', '周四线索'],
      ['2026-03-13', 'task', 'friday'],
      ['2026-03-14', 'birthday', '生日周六'],
    ]);
    expect(entries.find((e) => e.title === 'done')?.done).toBe(true);
    await call('reminders.saveSettings', { birthdays: true, holidays: ['womens_day', 'mid_autumn'], timeOfDay: '09:00' });
    const withHoliday = await call('calendar.range', { from: '2026-03-08', to: '2026-03-08' });
    expect(withHoliday).toEqual([{ kind: 'holiday', date: '2026-03-08', at: null, title: 'womens_day', refId: 'womens_day' }]);
    await expect(call('calendar.range', { from: '2026-03-08', to: '2026-01-01' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('shows only what the role may read: no leads for service, no opportunities for marketing', async () => {
    await seed();
    const as = (role: RoleName): SessionInfo => builtinSession(role, 'owner', role);
    const kinds = async (role: RoleName) => new Set((await runtime().call('calendar.range', { from: '2026-03-08', to: '2026-03-14' }, as(role))).map((e) => e.kind));
    expect(await kinds('service')).toEqual(new Set(['task', 'birthday']));
    expect(await kinds('marketing')).toEqual(new Set(['task', 'birthday', 'follow_up']));
    expect((await runtime().call('tasks.agenda', { now }, as('service'))).overdue.map(label)).toEqual(['overdue']);
  });
});

describe('reminders', () => {
  it('settings are kept on this device and validated', async () => {
    expect((await call('reminders.settings', {})).timeOfDay).toBe('09:00');
    const saved = await call('reminders.saveSettings', { birthdays: false, holidays: ['spring_festival'], timeOfDay: '08:30' });
    expect(saved).toEqual({ birthdays: false, holidays: ['spring_festival'], timeOfDay: '08:30' });
    expect(await call('reminders.settings', {})).toEqual(saved);
    await expect(call('reminders.saveSettings', { birthdays: true, holidays: [], timeOfDay: '25:00' })).rejects.toMatchObject({ fields: [{ path: 'timeOfDay', message: 'validation.invalid_format' }] });
  });

  it('returns tasks whose remind time has come, also those missed while closed, until dismissed', async () => {
    const now = local(2026, 3, 11, 10);
    const due = await call('tasks.create', { title: '现在', dueAt: local(2026, 3, 11, 9, 55) });
    const missed = await call('tasks.create', { title: '错过的', dueAt: local(2026, 3, 1, 9), subjectType: null });
    await call('tasks.create', { title: '稍后', dueAt: local(2026, 3, 11, 10, 30) });
    const finished = await call('tasks.create', { title: '完成的', dueAt: local(2026, 3, 11, 9) });
    await call('tasks.complete', { id: finished.id });

    const reminders = await call('reminders.due', { now });
    expect(reminders.map((r) => r.title)).toEqual(['错过的', '现在']);
    expect(reminders[1]).toMatchObject({ key: `task:${due.id}:${due.remindAt}`, kind: 'task', taskId: due.id, dueAt: due.remindAt });

    await call('reminders.dismiss', { keys: [`task:${missed.id}:${missed.remindAt}`] });
    expect((await call('reminders.due', { now })).map((r) => r.title)).toEqual(['现在']);
    // A new remind time is a new reminder.
    await call('tasks.update', { id: missed.id, patch: { remindAt: local(2026, 3, 11, 9) } });
    expect((await call('reminders.due', { now })).map((r) => r.title)).toEqual(['错过的', '现在']);
  });

  it('snoozing a task moves its remind time', async () => {
    const task = await call('tasks.create', { title: '跟进', dueAt: minutesFrom(new Date().toISOString(), -1) });
    const [reminder] = await call('reminders.due', {});
    expect(reminder.taskId).toBe(task.id);
    await call('reminders.snooze', { key: reminder.key, minutes: 10 });
    expect(await call('reminders.due', {})).toEqual([]);
    const later = await call('reminders.due', { now: minutesFrom(new Date().toISOString(), 11) });
    expect(later.map((r) => r.taskId)).toEqual([task.id]);
    expect(later[0].key).not.toBe(reminder.key);
  });

  it("today's birthdays and greeting holidays from the reminder time of day; dismiss and snooze them here", async () => {
    const contact = await call('contacts.create', { name: '李娜', birthday: '1988-09-25' });
    await call('reminders.saveSettings', { birthdays: true, holidays: ['mid_autumn', 'national_day'], timeOfDay: '09:00' });
    // 中秋 2026 is 25 September.
    expect(await call('reminders.due', { now: local(2026, 9, 25, 8, 59) })).toEqual([]);
    const morning = local(2026, 9, 25, 9, 1);
    const due = await call('reminders.due', { now: morning });
    expect(due.map((r) => [r.key, r.kind, r.title])).toEqual([
      ['holiday:mid_autumn:2026', 'holiday', 'mid_autumn'],
      [`birthday:${contact.id}:2026`, 'birthday', '李娜'],
    ]);
    // Later that day (the app was closed in between) they are still there; not the next day.
    expect(await call('reminders.due', { now: local(2026, 9, 25, 20) })).toHaveLength(2);
    expect(await call('reminders.due', { now: local(2026, 9, 26, 10) })).toEqual([]);

    await call('reminders.dismiss', { keys: ['holiday:mid_autumn:2026'] });
    expect((await call('reminders.due', { now: morning })).map((r) => r.kind)).toEqual(['birthday']);
    await call('reminders.saveSettings', { birthdays: false, holidays: ['mid_autumn'], timeOfDay: '09:00' });
    expect(await call('reminders.due', { now: morning })).toEqual([]);
  });

  it('a snoozed birthday comes back after the snooze', async () => {
    await call('reminders.saveSettings', { birthdays: true, holidays: [], timeOfDay: '00:00' });
    const today = dayOf(new Date());
    await call('contacts.create', { name: '王芳', birthday: `1990-${today.slice(5)}` });
    const [reminder] = await call('reminders.due', {});
    expect(reminder.kind).toBe('birthday');
    await call('reminders.snooze', { key: reminder.key, minutes: 1 });
    expect(await call('reminders.due', {})).toEqual([]);
    expect((await call('reminders.due', { now: minutesFrom(new Date().toISOString(), 2) })).map((r) => r.key)).toEqual([reminder.key]);
  });
});
