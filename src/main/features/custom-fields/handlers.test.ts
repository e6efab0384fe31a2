import { describe, expect, it } from 'vitest';
import { useTempRuntime } from '../../test/use-temp-runtime';

const runtime = useTempRuntime();

describe('custom fields', () => {
  it('saves, lists by entity and position, deletes', async () => {
    const b = await runtime().call('customFields.save', { entity: 'contact', label: '爱好', type: 'text', position: 2 });
    const a = await runtime().call('customFields.save', { entity: 'contact', label: '等级', type: 'select', options: ['A', 'B'], position: 1 });
    await runtime().call('customFields.save', { entity: 'company', label: '规模', type: 'number' });
    expect((await runtime().call('customFields.list', { entity: 'contact' })).map((f) => f.id)).toEqual([a.id, b.id]);
    expect((await runtime().call('customFields.list', {})).map((f) => f.label)).toContain('规模');
    await expect(runtime().call('customFields.save', { entity: 'contact', label: '选', type: 'select' })).rejects.toMatchObject({ fields: [{ path: 'options', message: 'validation.options_required' }] });
    await runtime().call('customFields.delete', { id: b.id });
    expect((await runtime().call('customFields.list', { entity: 'contact' })).map((f) => f.id)).toEqual([a.id]);
  });
});
