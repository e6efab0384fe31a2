// Placeholder (issue #4): replaced by the real screen.
export function TasksPage() {
  return null;
}
