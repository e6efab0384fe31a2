import { describe, expect, it } from 'vitest';
import { useTempRuntime } from '../../test/use-temp-runtime';
import { builtinSession } from '../../../shared/permissions';

const runtime = useTempRuntime();

describe('saved views', () => {
  it('saves, lists per entity and owner, updates and deletes', async () => {
    const v = await runtime().call('views.save', { entity: 'contact', name: '深圳客户', filter: { city: '深圳' }, sort: 'name', dir: 'asc' });
    await runtime().call('views.save', { entity: 'company', name: '重要', filter: { category: 'key' } });
    expect(await runtime().call('views.list', { entity: 'contact' })).toEqual([{ id: v.id, entity: 'contact', name: '深圳客户', filter: { city: '深圳' }, sort: 'name', dir: 'asc' }]);
    const sales = { ...builtinSession('sales', 'owner2', 's'), permissions: ['customers.read' as const] };
    expect(await runtime().call('views.list', { entity: 'contact' }, sales)).toEqual([]);
    await expect(runtime().call('views.delete', { id: v.id }, sales)).rejects.toMatchObject({ code: 'not_found' });
    await runtime().call('views.save', { id: v.id, entity: 'contact', name: '深圳', filter: {} });
    expect((await runtime().call('views.list', { entity: 'contact' }))[0].name).toBe('深圳');
    await runtime().call('views.delete', { id: v.id });
    expect(await runtime().call('views.list', { entity: 'contact' })).toEqual([]);
  });
});
