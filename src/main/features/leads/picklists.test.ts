import { describe, expect, it } from 'vitest';
import { builtinSession } from '../../../shared/permissions';
import { useTempRuntime } from '../../test/use-temp-runtime';

const runtime = useTempRuntime();
const salesSession = builtinSession('sales', 'sales-1', '小李');

describe('picklists', () => {
  it('lists the seeded items of each list in order', async () => {
    const sources = await runtime().call('picklists.list', { list: 'lead_source' });
    expect(sources.map((s) => s.label)).toEqual(['展会', '网站', '电话', '转介绍', '广告', '其他']);
    expect((await runtime().call('picklists.list', { list: 'invalid_reason' }))[0].label).toBe('联系不上');
    expect((await runtime().call('picklists.list', { list: 'lost_reason' }, salesSession)).length).toBe(5);
  });

  it('adds at the end, renames, refuses a duplicate label and deletes', async () => {
    const added = await runtime().call('picklists.save', { list: 'lead_source', label: ' 抖音 ' });
    expect(added).toMatchObject({ label: '抖音', list: 'lead_source', position: 6 });
    await expect(runtime().call('picklists.save', { list: 'lead_source', label: '网站' })).rejects.toMatchObject({
      code: 'conflict',
      fields: [{ path: 'label', message: 'leads.errors.label_exists' }],
    });
    // The same label in another list is fine.
    await runtime().call('picklists.save', { list: 'lost_reason', label: '网站' });
    expect(await runtime().call('picklists.save', { id: added.id, list: 'lead_source', label: '小红书' })).toMatchObject({ label: '小红书' });
    await runtime().call('picklists.delete', { id: added.id });
    expect((await runtime().call('picklists.list', { list: 'lead_source' })).map((s) => s.label)).not.toContain('小红书');
    const log = runtime().app.db.sqlite.prepare("SELECT row_id FROM change_log WHERE tbl = 'picklist_items'").all() as { row_id: string }[];
    expect(log.map((r) => r.row_id)).toContain(added.id);
  });

  it('validates input and permission', async () => {
    await expect(runtime().call('picklists.save', { list: 'lead_source', label: '' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ path: 'label', message: 'validation.required' }],
    });
    await expect(runtime().call('picklists.list', { list: 'colours' as never })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(runtime().call('picklists.save', { list: 'lead_source', label: 'x' }, salesSession)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(runtime().call('picklists.delete', { id: 'ghost' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
