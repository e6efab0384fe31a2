// Keyset paging: the cursor is an opaque string the main process made from the last row's sort
// key and rid; the client only passes it back.
import { z } from 'zod';

export const pageInput = {
  cursor: z.string().max(1000).nullish(),
  limit: z.number().int().min(1).max(500).default(100),
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const SortDir = z.enum(['asc', 'desc']);
export type SortDir = z.infer<typeof SortDir>;

/** Created/last-contacted ranges: ISO dates (inclusive) from the filter bar. */
export const DateRange = z
  .object({ from: z.string().max(40).nullish(), to: z.string().max(40).nullish() })
  .optional();
