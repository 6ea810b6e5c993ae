/** Mutations of real serialised notes, for fuzzing the remote-file parser: what broken servers and hand edits make. */
import { newTalk } from '../../src/model/records';
import { serialiseRecord, syncedPart } from '../../src/sync/remote-format';

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A realistic note file: accents, lists, a photo, a long abstract. */
export function sampleFile(id: string, i: number): Uint8Array {
  const t = {
    ...newTalk('conf-1', 'talk', {
      title: `Talk ${i}: Über „caching“ & CRDTs`,
      speakers: [{ name: 'Zoë Ångström', affiliation: 'Lab' }],
      starts: '2026-05-14T10:30:00+02:00',
      ends: '2026-05-14T11:15:00+02:00',
      day: '2026-05-14',
      room: 'Hall B',
      links: [{ label: 'Slides', url: 'https://example.org/s' }],
      abstract: 'An abstract\nover two lines',
      tags: ['pwa', 'sync'],
      attachments: [{ sha256: 'c'.repeat(64), name: 's.jpg', type: 'image/jpeg', size: 10, caption: '' }],
      body: `# Notes ${i}\n\n- point one\n- point two: with colon\n\n> quote\n\n![s](attachment:${'c'.repeat(64)})\n`,
    }),
    id,
  };
  return new TextEncoder().encode(serialiseRecord('talks', syncedPart('talks', t), { d1: i + 1 }));
}

const KINDS = ['truncate', 'flip', 'huge-field', 'deep-nesting', 'utf16', 'latin1', 'junk-line', 'duplicate-key', 'drop-line', 'swap-delimiter'] as const;
export type MutationKind = (typeof KINDS)[number];

/** One mutation of `bytes`, chosen by `random`; returns what was done, for the failure message. */
export function mutate(bytes: Uint8Array, random: () => number): { kind: MutationKind; bytes: Uint8Array } {
  const kind = KINDS[Math.floor(random() * KINDS.length)]!;
  const text = new TextDecoder().decode(bytes);
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  const at = (n: number): number => Math.floor(random() * n);
  switch (kind) {
    case 'truncate':
      return { kind, bytes: bytes.slice(0, at(bytes.length)) };
    case 'flip': {
      const out = bytes.slice();
      const flips = 1 + at(8);
      for (let i = 0; i < flips; i++) out[at(out.length)] ^= 1 << at(8);
      return { kind, bytes: out };
    }
    case 'huge-field': {
      const size = [10_000, 600_000, 9_000_000][at(3)]!;
      return { kind, bytes: enc(text.replace(/^title: .*$/m, `title: ${'x'.repeat(size)}`)) };
    }
    case 'deep-nesting': {
      const depth = [20, 1000, 50_000][at(3)]!;
      const nested = random() < 0.5 ? '['.repeat(depth) + ']'.repeat(depth) : '{a: '.repeat(depth) + '1' + '}'.repeat(depth);
      return { kind, bytes: enc(text.replace(/^room: .*$/m, `room: ${nested}`)) };
    }
    case 'utf16': {
      const out = new Uint8Array(text.length * 2 + 2);
      out[0] = 0xff;
      out[1] = 0xfe;
      for (let i = 0; i < text.length; i++) {
        out[2 + i * 2] = text.charCodeAt(i) & 0xff;
        out[3 + i * 2] = text.charCodeAt(i) >> 8;
      }
      return { kind, bytes: out };
    }
    case 'latin1':
      return { kind, bytes: Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff) };
    case 'junk-line': {
      const lines = text.split('\n');
      const junk = ['  : :', '- [', 'title: "unterminated', '\t\tbad: tab', '*alias', '!!binary AAA', 'vv: {d1: x}', '---', 'id: other'][at(9)]!;
      lines.splice(1 + at(Math.max(1, lines.length - 1)), 0, junk);
      return { kind, bytes: enc(lines.join('\n')) };
    }
    case 'duplicate-key':
      return { kind, bytes: enc(text.replace(/^room: .*$/m, (m) => `${m}\nroom: again`)) };
    case 'drop-line': {
      const lines = text.split('\n');
      lines.splice(at(lines.length), 1);
      return { kind, bytes: enc(lines.join('\n')) };
    }
    case 'swap-delimiter':
      return { kind, bytes: enc(text.replace('---\n', ['--\n', '+++\n', '--- \n', ''][at(4)]!)) };
  }
}
