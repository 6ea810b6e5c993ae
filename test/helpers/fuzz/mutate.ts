/**
 * Seeded mutations of a real file: the ways a file goes wrong on its way to a phone (cut short, bit rot, another
 * program's encoding) and the ways a hostile or broken exporter could shape one (huge fields, deep nesting,
 * repeated keys, zero bytes). Each returns new bytes and a short description of what it did, for the failure report.
 */
import { joinBytes } from '../../../src/backup/zip';
import type { Rng } from './prng';

export type Syntax = 'json' | 'xml' | 'ical' | 'markdown' | 'binary';

export interface Mutated {
  bytes: Uint8Array;
  applied: string[];
}

type Mutation = (b: Uint8Array, r: Rng, syntax: Syntax, limits: Limits) => [Uint8Array, string];

export interface Limits {
  /** The largest field to insert, in bytes. */
  hugeMax: number;
  /** Field sizes to choose from (each capped at hugeMax). */
  hugeSizes: readonly number[];
}

const enc = new TextEncoder();
const latin = new TextDecoder('latin1');

const concat = (...parts: Uint8Array[]): Uint8Array => joinBytes(parts);

function insertAt(b: Uint8Array, at: number, piece: Uint8Array): Uint8Array {
  return concat(b.subarray(0, at), piece, b.subarray(at));
}

/** A position just after one of the bytes in `after` (inside a value), or anywhere when the file has none. */
function positionAfter(b: Uint8Array, r: Rng, after: string): number {
  const want = new Set([...after].map((c) => c.charCodeAt(0)));
  for (let tries = 0; tries < 64; tries++) {
    const at = r.int(b.length + 1);
    if (at > 0 && want.has(b[at - 1]!)) return at;
  }
  return r.int(b.length + 1);
}

function textOf(b: Uint8Array): string {
  return new TextDecoder('utf-8').decode(b);
}

const truncate: Mutation = (b, r) => {
  const at = r.next() < 0.2 ? r.int(Math.min(b.length, 64)) : r.int(b.length);
  return [b.slice(0, at), `truncated at byte ${at} of ${b.length}`];
};

const flipBytes: Mutation = (b, r) => {
  const out = b.slice();
  const n = 1 + r.int(16);
  for (let i = 0; i < n && out.length; i++) out[r.int(out.length)] ^= 1 + r.int(255);
  return [out, `${n} bytes flipped`];
};

const hugeField: Mutation = (b, r, syntax, limits) => {
  const size = Math.min(limits.hugeMax, r.pick(limits.hugeSizes));
  const unit = r.pick(['A', 'é', '𝄞', 'ab ', '\\"', '&amp;', '%20', '-']);
  const piece = enc.encode(unit.repeat(Math.ceil(size / enc.encode(unit).length)));
  const at = positionAfter(b, r, syntax === 'xml' ? '>"' : syntax === 'json' ? '"' : syntax === 'ical' ? ':' : ' ');
  return [insertAt(b, at, piece), `${piece.length}-byte field (${JSON.stringify(unit)}) at ${at}`];
};

const OPENERS: Record<Syntax, string[]> = {
  json: ['[', '{"a":', '[{"x":['],
  xml: ['<event>', '<a>', '<day><room name="x">', '<![CDATA[<'],
  ical: ['BEGIN:VEVENT\r\n', 'BEGIN:VCALENDAR\r\n', 'BEGIN:VALARM\r\n'],
  markdown: ['>', '- ', '[', '*', '<div>', '![', '1. '],
  binary: ['PK\x03\x04', '['],
};

const deepNesting: Mutation = (b, r, syntax) => {
  const opener = r.pick(OPENERS[syntax]);
  const depth = r.pick([1_000, 10_000, 100_000]);
  const at = positionAfter(b, r, syntax === 'json' ? ':[' : syntax === 'xml' ? '>' : '\n');
  return [insertAt(b, at, enc.encode(opener.repeat(depth))), `${depth}× nested ${JSON.stringify(opener)} at ${at}`];
};

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) (view.setUint16(0, 0xfeff, littleEndian), (at = 2));
  for (let i = 0; i < text.length; i++, at += 2) view.setUint16(at, text.charCodeAt(i), littleEndian);
  return out;
}

const wrongEncoding: Mutation = (b, r) => {
  const text = textOf(b);
  switch (r.int(6)) {
    case 0: {
      const le = r.next() < 0.5;
      const bom = r.next() < 0.7;
      return [utf16(text, le, bom), `re-encoded as UTF-16${le ? 'LE' : 'BE'}${bom ? ' with BOM' : ''}`];
    }
    case 1:
      // Latin-1: every character above U+00FF becomes "?", those from U+0080 single bytes (invalid UTF-8).
      return [Uint8Array.from(text, (c) => (c.charCodeAt(0) > 0xff ? 0x3f : c.charCodeAt(0))), 're-encoded as Latin-1'];
    case 2:
      return [concat(r.pick([new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xff, 0xfe]), new Uint8Array([0xfe, 0xff]), new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf])]), b), 'byte order mark added'];
    case 3: {
      const bad = r.pick([[0xc3, 0x28], [0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80]]);
      const at = r.int(b.length + 1);
      return [insertAt(b, at, new Uint8Array(bad)), `invalid UTF-8 ${bad.map((x) => x.toString(16)).join(' ')} at ${at}`];
    }
    case 4:
      // Double-encoded: UTF-8 read as Latin-1 and written as UTF-8 again (valid bytes, mangled text).
      return [enc.encode(latin.decode(b)), 'UTF-8 encoded twice'];
    default:
      return [enc.encode(text.replace(/\n/g, r.pick(['\r', '\r\n', '\u2028', '\n\n']))), 'line endings changed'];
  }
};

const duplicateKeys: Mutation = (b, r, syntax) => {
  const text = textOf(b);
  const lines = text.split('\n');
  if (syntax === 'json') {
    const keys = [...text.matchAll(/"([A-Za-z_]+)"\s*:/g)];
    if (keys.length) {
      const k = r.pick(keys);
      const value = r.pick(['null', '""', '[]', '{}', '12', '"dup"', 'true', '[1,2]', '{"a":{}}']);
      const insert = `"${k[1]}":${value},`;
      const at = k.index!;
      return [enc.encode(text.slice(0, at) + insert + text.slice(at)), `key "${k[1]}" repeated as ${value}`];
    }
  }
  // Line-based formats: the same property, element or marker twice.
  const i = r.int(lines.length);
  const copies = 1 + r.int(3);
  const dup = [...lines.slice(0, i + 1), ...Array<string>(copies).fill(lines[i] ?? ''), ...lines.slice(i + 1)];
  return [enc.encode(dup.join('\n')), `line ${i + 1} repeated ${copies}×`];
};

const zeroBytes: Mutation = (b, r) => {
  let out = b;
  const n = 1 + r.int(5);
  for (let i = 0; i < n; i++) out = insertAt(out, r.int(out.length + 1), new Uint8Array(1 + r.int(3)));
  return [out, `${n} runs of zero bytes`];
};

const MUTATIONS: Array<[string, Mutation]> = [
  ['truncate', truncate],
  ['flip', flipBytes],
  ['huge', hugeField],
  ['nest', deepNesting],
  ['encoding', wrongEncoding],
  ['duplicate', duplicateKeys],
  ['zero', zeroBytes],
];

export const MUTATION_NAMES = MUTATIONS.map(([name]) => name);

/** Applies one to three mutations; the first is chosen round-robin by case number so every kind is well covered. */
export function mutate(bytes: Uint8Array, r: Rng, syntax: Syntax, index: number, limits: Limits): Mutated {
  let b = bytes;
  const applied: string[] = [];
  const count = r.next() < 0.7 ? 1 : 2 + r.int(2);
  for (let i = 0; i < count; i++) {
    const [name, m] = i === 0 ? MUTATIONS[index % MUTATIONS.length]! : r.pick(MUTATIONS);
    const [next, what] = m(b, r, syntax, limits);
    b = next;
    applied.push(`${name}: ${what}`);
  }
  return { bytes: b, applied };
}
