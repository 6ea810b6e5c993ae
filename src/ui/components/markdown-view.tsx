/** A note rendered as sanitised HTML; the renderer is loaded on first use. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function MarkdownView({ source }: { source: string }): JSX.Element {
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    import('../../markdown/render').then(
      (m) => live && setHtml(m.renderMarkdown(source)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [source]);
  if (failed) return <pre class="markdown-fallback">{source}</pre>;
  if (html === null) return <p class="muted">Loading…</p>;
  if (!source.trim()) return <p class="muted">Nothing written yet.</p>;
  // The HTML comes from renderMarkdown, which sanitises it.
  return <div class="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
