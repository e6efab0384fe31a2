import { z } from 'zod';
import { channel } from './contract-kit';
import { CustomValues } from './custom-fields';
import {
  Address,
  customerFilter,
  IdsInput,
  listSort,
  MergeInput,
  patchOf,
  type CustomerBase,
  type DuplicateCandidate,
} from './customers';
import { pageInput, type Page } from './paging';
import { idField, LIMITS, nameField, optId, optPhone, optText, urlField } from './validation';

export const COMPANY_CATEGORIES = ['prospect', 'customer', 'key', 'lost'] as const; // 潜在/现有/重要/流失
export const CompanyCategory = z.enum(COMPANY_CATEGORIES);
export type CompanyCategory = z.infer<typeof CompanyCategory>;
export const COMPANY_SIZES = ['1-9', '10-49', '50-199', '200-999', '1000+'] as const;

export const CompanyFields = z.object({
  name: nameField,
  industry: optText(50),
  size: z.enum(COMPANY_SIZES).nullish().transform((v) => v ?? null),
  ...Address,
  website: urlField,
  phone: optPhone,
  source: optText(50),
  category: CompanyCategory.default('prospect'),
  ownerId: optId,
  notes: optText(5000),
  tagIds: z.array(idField).max(LIMITS.tags).default([]),
  custom: CustomValues,
});
export type CompanyFields = z.output<typeof CompanyFields>;

export const CompanyCreate = CompanyFields.extend({ allowDuplicate: z.boolean().default(false) });
export const CompanyUpdate = z.object({ id: idField, patch: patchOf(CompanyFields) });

export interface Company extends CustomerBase {
  name: string;
  industry: string | null;
  size: string | null;
  website: string | null;
  phone: string | null;
  source: string | null;
  category: CompanyCategory;
  contactCount: number;
}

export const CompanyList = z.object({
  ...pageInput,
  ...listSort,
  filter: customerFilter({ category: CompanyCategory.nullish() }),
});

export const companiesContract = {
  'companies.list': channel<Page<Company>>()({ kind: 'query', permission: 'customers.read', input: CompanyList }),
  'companies.get': channel<Company>()({ kind: 'query', permission: 'customers.read', input: z.object({ id: idField }) }),
  'companies.create': channel<Company>()({
    kind: 'mutation',
    permission: 'customers.write',
    input: CompanyCreate,
    entity: 'company',
  }),
  'companies.update': channel<Company>()({
    kind: 'mutation',
    permission: 'customers.write',
    input: CompanyUpdate,
    entity: 'company',
  }),
  'companies.delete': channel<{ deleted: number }>()({
    kind: 'mutation',
    permission: 'customers.delete',
    input: IdsInput,
    entity: 'company',
  }),
  'companies.duplicates': channel<DuplicateCandidate[]>()({
    kind: 'query',
    permission: 'customers.read',
    input: z.object({ name: z.string().max(200), phone: z.string().max(50).nullish(), excludeId: idField.nullish() }),
  }),
  'companies.merge': channel<Company>()({
    kind: 'mutation',
    permission: 'customers.merge',
    input: MergeInput,
    entity: 'company',
  }),
};
