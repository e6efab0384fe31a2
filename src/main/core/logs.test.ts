// The audit row's input: secrets blanked, long strings replaced by their length before the JSON
// text is built, the whole text cut at a limit.
import { describe, expect, it } from 'vitest';
import { auditInput, MAX_AUDIT_STRING } from './logs';

describe('auditInput', () => {
  it('keeps small inputs as they are, blanks secrets', () => {
    expect(auditInput({ name: '张三', tags: ['a'], n: 1 })).toBe('{"name":"张三","tags":["a"],"n":1}');
    expect(auditInput({ fileName: 'x.kehusync', passphrase: 'correct horse' })).toBe('{"fileName":"x.kehusync","passphrase":"***"}');
    expect(auditInput(undefined)).toBeNull();
  });

  it('replaces a long string with a marker of its length, at any depth', () => {
    const data = 'A'.repeat(5_000_000);
    const text = auditInput({ fileName: 'big.kehusync', data, nested: { list: ['short', 'b'.repeat(MAX_AUDIT_STRING + 1)] } });
    expect(text).toBe(`{"fileName":"big.kehusync","data":"[5000000 chars]","nested":{"list":["short","[${MAX_AUDIT_STRING + 1} chars]"]}}`);
    expect(auditInput({ s: 'c'.repeat(MAX_AUDIT_STRING) })).toBe(`{"s":"${'c'.repeat(MAX_AUDIT_STRING)}"}`);
  });

  it('records a 50 MB payload without building its JSON', () => {
    const data = 'x'.repeat(50_000_000);
    const t = performance.now();
    const text = auditInput({ data });
    expect(text).toBe('{"data":"[50000000 chars]"}');
    expect(performance.now() - t).toBeLessThan(200);
  });

  it('still cuts a large input made of many short values', () => {
    const text = auditInput({ ids: Array.from({ length: 5000 }, (_, i) => `id-${i}`) })!;
    expect(text.length).toBe(20_001);
    expect(text.endsWith('…')).toBe(true);
  });
});
