// The import's key filter: never a "no" for a key it was given (duplicates would be missed), across
// the layers it adds as it fills, and few false "maybe"s (each one costs a SELECT).
import { describe, expect, it } from 'vitest';
import { KeyFilter } from './key-filter';

describe('KeyFilter', () => {
  it('finds every key added, past its first capacity, with under 2% false positives', () => {
    const filter = new KeyFilter();
    const n = 300_000; // over 65,536: three layers
    for (let i = 0; i < n; i += 1) filter.add('mobile', `13${String(i).padStart(9, '0')}`);
    for (let i = 0; i < n; i += 1) expect(filter.mayHave('mobile', `13${String(i).padStart(9, '0')}`)).toBe(true);
    let maybe = 0;
    for (let i = 0; i < 100_000; i += 1) if (filter.mayHave('mobile', `15${String(i).padStart(9, '0')}`)) maybe += 1;
    expect(maybe).toBeLessThan(2000);
    // The kind is part of the key.
    expect(filter.mayHave('email', '13000000001')).toBe(false);
  });
});
