import { describe, expect, it } from 'vitest';
import { useTempRuntime } from '../../test/use-temp-runtime';

const runtime = useTempRuntime();

describe('tags.apply', () => {
  it('tags live contacts and companies, refuses anything else', async () => {
    const tag = await runtime().call('tags.save', { name: 'VIP', color: '#ff0000' });
    const c = await runtime().call('contacts.create', { name: '张伟' });
    const co = await runtime().call('companies.create', { name: '腾达' });
    expect(await runtime().call('tags.apply', { tagId: tag.id, recordIds: [c.id, co.id], on: true })).toEqual({ changed: 2 });
    expect(await runtime().call('tags.apply', { tagId: tag.id, recordIds: [c.id], on: true })).toEqual({ changed: 0 });
    await expect(runtime().call('tags.apply', { tagId: tag.id, recordIds: ['ghost'], on: true })).rejects.toMatchObject({ fields: [{ path: 'recordIds', message: 'validation.record_missing' }] });
    expect((await runtime().call('contacts.list', { filter: { tagId: tag.id } })).items.map((x) => x.id)).toEqual([c.id]);
    expect(await runtime().call('tags.apply', { tagId: tag.id, recordIds: [c.id], on: false })).toEqual({ changed: 1 });
    expect((await runtime().call('tags.list', {}))[0].usage).toBe(1);
  });
});

describe('tags.save', () => {
  it("refuses a name with ';', the separator of a record's tags in exported files", async () => {
    await expect(runtime().call('tags.save', { name: '华东;华南', color: '#ff0000' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ path: 'name', message: 'validation.tag_semicolon' }],
    });
    expect((await runtime().call('tags.save', { name: '华东；华南', color: '#ff0000' })).name).toBe('华东；华南');
  });
});
