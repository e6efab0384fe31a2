import { z } from 'zod';
import { channel } from './contract-kit';

export interface SearchHit {
  type: 'contact' | 'company';
  id: string;
  name: string;
  /** A second line: company, phone or email that helps tell hits apart. */
  detail: string | null;
}

export const SearchInput = z.object({
  q: z.string().max(100),
  limit: z.number().int().min(1).max(200).default(20),
});

export const searchContract = {
  /** Contacts and companies together: Chinese substrings, pinyin, initials, phone digits, email parts. */
  'search.global': channel<SearchHit[]>()({ kind: 'query', permission: 'customers.read', input: SearchInput }),
};
