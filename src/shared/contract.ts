// The one contract: every channel of every domain. Add a domain by spreading its table here.
import type { z } from 'zod';
import { activitiesContract } from './activities';
import { appContract } from './app';
import { auditContract } from './audit';
import { authContract } from './auth';
import { backupsContract } from './backups';
import { companiesContract } from './companies';
import { contactsContract } from './contacts';
import { dealsContract } from './deals';
import { forecastContract } from './forecast';
import { customFieldsContract } from './custom-fields';
import { ioContract } from './io';
import { jobsContract } from './jobs';
import { leadsContract } from './leads';
import { ordersContract } from './orders';
import { searchContract } from './search';
import { syncContract } from './sync';
import { tagsContract } from './tags';
import { tasksContract } from './tasks';
import { trashContract } from './trash';
import { usersContract } from './users';
import { viewsContract } from './views';

export const contract = {
  ...appContract,
  ...companiesContract,
  ...contactsContract,
  ...activitiesContract,
  ...tagsContract,
  ...customFieldsContract,
  ...searchContract,
  ...viewsContract,
  ...trashContract,
  ...syncContract,
  ...jobsContract,
  ...ioContract,
  ...leadsContract,
  ...dealsContract,
  ...ordersContract,
  ...tasksContract,
  ...forecastContract,
  ...authContract,
  ...usersContract,
  ...auditContract,
  ...backupsContract,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller may send (before defaults and normalisation). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (parsed, defaults filled, normalised). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = NonNullable<Contract[C]['output']> extends never
  ? void
  : Exclude<Contract[C]['output'], undefined>;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
