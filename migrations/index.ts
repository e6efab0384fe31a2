// Static map of migrations (a folder read breaks once main is bundled). Append, never edit.
import type { Migration } from 'kysely';
import * as m0001 from './0001_init';
import * as m0002 from './0002_sync';
import * as m0003 from './0003_io';
import * as m0004 from './0004_sales';
import * as m0005 from './0005_security';
import * as m0006 from './0006_list_covering';

export const migrations: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_sync': m0002,
  '0003_io': m0003,
  '0004_sales': m0004,
  '0005_security': m0005,
  '0006_list_covering': m0006,
};
