/** An imported abstract as the Read view shows it. Kept apart from text.ts so the talk page does not load the parsers. */
import { safeUrl } from './safe-url';

/** A piece of an abstract as shown: plain text, or an http(s) address to show as a link. */
export type TextPiece = { text: string } | { url: string };

/**
 * An abstract (plain text from htmlToText) cut into paragraphs, each a list of text and http(s) link pieces, so a
 * view can show it with real links without ever parsing it as HTML.
 */
export function abstractParagraphs(text: string): TextPiece[][] {
  return text
    .split(/\n{2,}/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => {
      const pieces: TextPiece[] = [];
      let last = 0;
      for (const m of para.matchAll(/https?:\/\/[^\s<>"()]+[^\s<>"().,;:!?'\]]/gi)) {
        const url = safeUrl(m[0]);
        if (!url) continue;
        if (m.index > last) pieces.push({ text: para.slice(last, m.index) });
        pieces.push({ url });
        last = m.index + m[0].length;
      }
      if (last < para.length) pieces.push({ text: para.slice(last) });
      return pieces;
    });
}
