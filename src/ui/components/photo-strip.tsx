/** The photos on a talk, under its note: add from the camera or the library, caption, view, delete. */
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { requestPersistenceOnce } from '../../app/storage';
import { addPhoto } from '../../db/attachments';
import type { Talk } from '../../model/types';
import { addedSummary, addPhotoProblem } from '../../photos/messages';
import { preparePhoto } from '../../photos/prepare-photo';
import { PhotoAdd } from './photo-add';
import { PhotoItem } from './photo-item';
import { PhotoViewer } from './photo-viewer';

export function PhotoStrip({ talk }: { talk: Talk }): JSX.Element {
  const [busy, setBusy] = useState(0);
  const [notice, setNotice] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [viewing, setViewing] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `photos-${talk.id}`;

  const addFiles = async (files: File[]): Promise<void> => {
    setNotice('');
    setProblems([]);
    setBusy((n) => n + 1);
    const failed: string[] = [];
    let added = 0;
    let already = 0;
    // One at a time: a phone has little memory to spare for several 12-megapixel decodes at once.
    for (const file of files) {
      try {
        const photo = await preparePhoto(file);
        if ((await addPhoto(talk.id, photo)) === 'added') added++;
        else already++;
      } catch (err) {
        failed.push(addPhotoProblem(file.name, err));
      }
    }
    setBusy((n) => n - 1);
    setProblems(failed);
    setNotice(addedSummary(added, already));
    if (added > 0) requestPersistenceOnce().catch((err: unknown) => console.warn('Could not request persistent storage', err));
  };

  const shown = viewing === null ? -1 : talk.attachments.findIndex((a) => a.sha256 === viewing);
  return (
    <section class="photo-strip" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1} class="photo-strip__heading">
        Photos
      </h2>
      <PhotoAdd onFiles={(files) => void addFiles(files)} />
      <p role="status" class="photo-strip__status">
        {busy > 0 ? 'Adding photo…' : notice}
      </p>
      {problems.length > 0 && (
        <div role="alert" class="error-box photo-strip__problems">
          {problems.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
      {talk.attachments.length > 0 && (
        <ul class="photo-strip__list">
          {talk.attachments.map((a, i) => (
            <PhotoItem
              key={a.sha256}
              talkId={talk.id}
              attachment={a}
              number={i + 1}
              onView={(el) => {
                opener.current = el;
                setViewing(a.sha256);
              }}
              onRemoved={() => heading.current?.focus()}
            />
          ))}
        </ul>
      )}
      {shown >= 0 && (
        <PhotoViewer
          attachment={talk.attachments[shown]!}
          number={shown + 1}
          onClose={() => {
            setViewing(null);
            opener.current?.focus();
          }}
        />
      )}
    </section>
  );
}
