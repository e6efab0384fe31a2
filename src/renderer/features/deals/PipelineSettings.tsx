// Placeholder (issue #4): replaced by the real screen.
export function PipelineSettings() {
  return null;
}
