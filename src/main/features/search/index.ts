// The search feature's API for the rest of main (the customer handlers, the demo seeder, import).
// Implemented in this folder; see perf-limits.md §3 for the design.
export { namePinyin, nameKey } from './names';
export { refreshCustomerIndex, dropFromCustomerIndex } from './indexer';
export { findContactDuplicates, findCompanyDuplicates } from './duplicates';
export { searchHandlers } from './handlers';
