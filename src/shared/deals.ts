// Opportunities (商机) and pipelines: stages, board moves, stage history, line items, won/lost.
// Placeholder until its channels are written (issue #4).
export const dealsContract = {};
