/** Sync stopped because the server folder changed under it: the person decides what happens to the notes. */
import type { JSX } from 'preact';
import type { SyncResolution } from '../../sync/auto-sync';
import type { SyncQuestion as Question } from '../../sync/sync-status';

interface SyncQuestionProps {
  question: Question;
  message: string;
  busy: boolean;
  onAnswer: (resolution: SyncResolution) => void;
  onCancel: () => void;
}

const ASK: Record<Question, { title: string; action: string; resolution: SyncResolution; explain: string }> = {
  'remote-lost': {
    title: 'The sync folder on the server is empty',
    action: 'Upload everything here',
    resolution: 'upload-here',
    explain:
      'It held your notes before. If it was moved or restored from a backup, cancel and fix the server first. Uploading puts every note on this device into the folder again; nothing on this device is deleted.',
  },
  'other-folder': {
    title: 'This folder holds another set of notes',
    action: 'Merge into this folder',
    resolution: 'merge-into',
    explain:
      'This device last synced with a different folder. Merging adds the notes here to the ones in the folder and takes theirs in; nothing is deleted on either side.',
  },
};

export function SyncQuestion({ question, message, busy, onAnswer, onCancel }: SyncQuestionProps): JSX.Element {
  const ask = ASK[question];
  return (
    <div role="group" aria-labelledby="sync-question-title" class="notice notice--warning">
      <p id="sync-question-title" class="notice__title">
        {ask.title}
      </p>
      <p>{message}</p>
      <p>{ask.explain}</p>
      <div class="actions">
        <button type="button" class="button button--primary" disabled={busy} onClick={() => onAnswer(ask.resolution)}>
          {ask.action}
        </button>
        <button type="button" class="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
