// The key file's cryptography at the production cost: a password unwraps its copy of the key, a
// wrong one does not, and a changed wrapped key is detected rather than giving a wrong key.
import { describe, expect, it } from 'vitest';
import { newDataKey, SCRYPT_PARAMS, unwrap, wrap } from './crypto';
import { makeEntry, openEntry } from './entries';

describe('key file cryptography', () => {
  it('wraps the data key under a password at the production scrypt cost', async () => {
    const key = newDataKey();
    const entry = await makeEntry('u1', 'admin', '正确的马 battery', key, SCRYPT_PARAMS);
    expect(entry.params).toEqual({ N: 2 ** 15, r: 8, p: 1 });
    expect(JSON.stringify(entry)).not.toContain(key);
    expect(await openEntry(entry, '正确的马 battery')).toBe(key);
    // NFC and NFD spellings of the same text are the same password.
    const nfd = await makeEntry('u2', 'li', 'Zoë', key, { N: 2 ** 10, r: 8, p: 1 });
    expect(await openEntry(nfd, 'Zoe\u0308')).toBe(key);
    expect(await openEntry(entry, '正确的马 Battery')).toBeNull();
  });

  it('refuses a wrapped key that was changed', () => {
    const kek = Buffer.alloc(32, 1);
    const wrapped = wrap(kek, Buffer.from(newDataKey(), 'hex'));
    const [iv, body, tag] = wrapped.split('.');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;
    expect(() => unwrap(kek, [iv, flipped.toString('base64'), tag].join('.'))).toThrow();
    expect(() => unwrap(Buffer.alloc(32, 2), wrapped)).toThrow();
  });
});
