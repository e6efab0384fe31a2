// The --entity names `kehu import` and `kehu export` both accept, so one spelling works for both:
// singular or plural, any case.
import type { IoEntity } from '../../shared/io';

// A Map, not an object: `--entity constructor` must not find Object.prototype's.
const ENTITIES = new Map<string, IoEntity>([
  ['contacts', 'contact'],
  ['contact', 'contact'],
  ['companies', 'company'],
  ['company', 'company'],
]);

export function cliEntity(name: string): IoEntity | undefined {
  return ENTITIES.get(name.toLowerCase());
}
