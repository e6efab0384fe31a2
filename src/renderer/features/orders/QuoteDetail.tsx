// Placeholder (issue #4): replaced by the real screen.
export function QuoteDetail({ id }: { id: string }) {
  return <div data-id={id} />;
}
