// Keyset cursors: opaque base64url of [sortValue, tieBreaker] (the tie-breaker is the row's rid, or
// its id where a table has no rid), made here and only passed back by clients.
import { invalidField } from './errors';

export type CursorValue = string | number | null;
export interface Cursor {
  value: CursorValue;
  tie: string | number;
}

export const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify([c.value, c.tie])).toString('base64url');

/** A cursor that is not one of ours is a caller error, not a crash. */
export function decodeCursor(raw: string | null | undefined): Cursor | null {
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed) && parsed.length === 2 && isValue(parsed[0]) && isTie(parsed[1])) {
    return { value: parsed[0], tie: parsed[1] };
  }
  throw invalidField('cursor', 'validation.cursor');
}

const isValue = (v: unknown): v is CursorValue => v === null || typeof v === 'string' || typeof v === 'number';
const isTie = (v: unknown): v is string | number => typeof v === 'string' || Number.isInteger(v);

/** Cuts rows fetched with limit + 1: the extra row only says that there is a next page. */
export function cutPage<R>(rows: R[], limit: number, cursorOf: (row: R) => Cursor): { rows: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
