// The search feature's API for the rest of main (the customer handlers, the demo seeder, import).
// Implemented in this folder; see perf-limits.md §3 for the design.
export { namePinyin, nameKey } from './names';
export { refreshCustomerIndex, dropFromCustomerIndex, type CustomerKind } from './indexer';
export { findContactDuplicates, findCompanyDuplicates } from './duplicates';
export { searchHandlers } from './handlers';
// Pure pieces for bulk paths (seeder, import) that write with prepared statements.
export {
  contactSearchRow,
  companySearchRow,
  contactKeys,
  companyKeys,
  type ContactIndexFields,
  type CompanyIndexFields,
  type CustomerKey,
} from './rows';
export { indexTokens, matchQuery } from './tokens';
