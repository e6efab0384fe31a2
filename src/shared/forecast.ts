// Sales forecast: weighted pipeline by month and owner, win rate, cycle time, funnel.
// Placeholder until its channels are written (issue #4).
export const forecastContract = {};
