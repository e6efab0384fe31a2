// Placeholder (issue #4): replaced by the real screen.
export function ForecastPage() {
  return null;
}
