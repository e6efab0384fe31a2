// The audit filter's days become instants of this screen's zone, whole days on both ends.
import { describe, expect, it } from 'vitest';
import { auditQuery } from './auditQuery';

describe('auditQuery', () => {
  it('sends the first moment of the from day and the last of the to day, in local time', () => {
    const q = auditQuery({ from: '2026-11-01', to: '2026-11-23', action: 'users.create' });
    expect(q).toEqual({
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 10, 23, 23, 59, 59, 999).toISOString(),
      action: 'users.create',
    });
  });

  it('leaves an open end open', () => {
    expect(auditQuery({ to: '2026-01-31' })).toEqual({ from: null, to: new Date(2026, 0, 31, 23, 59, 59, 999).toISOString() });
    expect(auditQuery({})).toEqual({ from: null, to: null });
  });
});
