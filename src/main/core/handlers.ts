// Every domain's handlers, merged. `Handlers` makes a channel without a handler a compile error.
import type { Handlers } from './context';
import { activitiesHandlers } from '../features/activities/handlers';
import { appHandlers } from '../features/app/handlers';
import { auditHandlers } from '../features/audit/handlers';
import { authHandlers } from '../features/auth/handlers';
import { backupsHandlers } from '../features/backups/handlers';
import { companiesHandlers } from '../features/companies/handlers';
import { contactsHandlers } from '../features/contacts/handlers';
import { customFieldsHandlers } from '../features/custom-fields/handlers';
import { dealsHandlers } from '../features/deals/handlers';
import { forecastHandlers } from '../features/forecast/handlers';
import { ioHandlers } from '../features/io/handlers';
import { leadsHandlers } from '../features/leads/handlers';
import { ordersHandlers } from '../features/orders/handlers';
import { searchHandlers } from '../features/search';
import { syncHandlers } from '../features/sync/handlers';
import { tagsHandlers } from '../features/tags/handlers';
import { tasksHandlers } from '../features/tasks/handlers';
import { trashHandlers } from '../features/trash/handlers';
import { usersHandlers } from '../features/users/handlers';
import { viewsHandlers } from '../features/views/handlers';

export const handlers: Handlers = {
  ...appHandlers,
  ...companiesHandlers,
  ...contactsHandlers,
  ...activitiesHandlers,
  ...tagsHandlers,
  ...customFieldsHandlers,
  ...searchHandlers,
  ...viewsHandlers,
  ...trashHandlers,
  ...syncHandlers,
  ...ioHandlers,
  ...leadsHandlers,
  ...dealsHandlers,
  ...ordersHandlers,
  ...tasksHandlers,
  ...forecastHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...backupsHandlers,
};
