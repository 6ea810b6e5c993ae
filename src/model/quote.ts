/**
 * A piece of a file (a name, a line, a tag) as it may appear inside a message for people. Damaged files put
 * binary garbage or megabytes of text where a name should be: control characters go, whitespace collapses, and
 * the piece is cut to `max` characters so the message stays a sentence.
 */
export function quoteForMessage(text: string, max = 60): string {
  // Only the start is ever shown: never walk a huge string.
  const head = text.slice(0, max * 4);
  const clean = head
    .replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(clean);
  // A lone surrogate (a character cut in half) is not text either.
  const kept = chars.slice(0, max).filter((c) => !/^[\ud800-\udfff]$/.test(c));
  return chars.length > max || head.length < text.length ? `${kept.join('').trimEnd()}…` : kept.join('');
}
