// Tasks, agenda, calendar and reminders (due tasks, birthdays, holidays incl. lunar).
// Placeholder until its channels are written (issue #4).
export const tasksContract = {};
