// Leads (线索): leads, follow-ups, conversion, assignment, sources.
// Placeholder until its channels are written (issue #4).
export const leadsContract = {};
