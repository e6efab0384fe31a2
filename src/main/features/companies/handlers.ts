import type { Company, companiesContract } from '../../../shared/companies';
import type { HandlersOf } from '../../core/context';
import { customerChannels } from '../customers';
import { findCompanyDuplicates } from '../search';
import { companySpec } from './spec';

const companies = customerChannels<Company>(companySpec);

export const companiesHandlers: HandlersOf<typeof companiesContract> = {
  'companies.list': companies.list,
  'companies.get': companies.get,
  'companies.create': companies.create,
  'companies.update': companies.update,
  'companies.delete': companies.delete,
  'companies.merge': companies.merge,
  'companies.duplicates': (query, ctx) => findCompanyDuplicates(ctx.db, ctx.session, query),
};
