/** Text with the search's matches marked, built as text nodes and <mark> elements (never HTML from user text). */
import type { JSX } from 'preact';
import type { Segment } from '../../search/snippet';

export function Highlighted({ segments }: { segments: readonly Segment[] }): JSX.Element {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
