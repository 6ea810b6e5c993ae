/** A note rendered as sanitised HTML; the renderer is loaded on first use. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Attachment } from '../../model/types';
import { usePhotoUrls } from '../../photos/use-photo-urls';

const NO_PHOTOS: readonly Attachment[] = [];

/** `attachments`: the talk's photos, shown where the note refers to them. */
export function MarkdownView({ source, attachments = NO_PHOTOS }: { source: string; attachments?: readonly Attachment[] }): JSX.Element {
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  // null while the photos load; rendering waits, so a photo never shows as missing for a moment.
  const photos = usePhotoUrls(attachments.map((a) => a.sha256));
  useEffect(() => {
    if (photos === null) return;
    let live = true;
    import('../../markdown/render').then(
      (m) => live && setHtml(m.renderMarkdown(source, photos)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [source, photos]);
  if (failed) return <pre class="markdown-fallback">{source}</pre>;
  if (html === null) return <p class="muted">Loading…</p>;
  if (!source.trim()) return <p class="muted">Nothing written yet.</p>;
  // The HTML comes from renderMarkdown, which sanitises it.
  return <div class="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
