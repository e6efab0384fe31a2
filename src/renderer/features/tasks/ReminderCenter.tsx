// Placeholder (issue #4): due reminders shown in the app and as desktop notifications.
export function ReminderCenter() {
  return null;
}
