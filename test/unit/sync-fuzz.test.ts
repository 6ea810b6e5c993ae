// Fuzz: thousands of mutated note files through the remote-file parser. None crashes it or holds it long; each
// is either read as a well-formed record or refused with a reason.
import { expect, it } from 'vitest';
import { parseRecordFile, serialiseRecord } from '../../src/sync/remote-format';
import { mutate, sampleFile, seededRandom } from '../helpers/mutate-file';

const COUNT = 1500;

it(`parses ${COUNT} mutated note files without a crash, a hang or a silent half-read`, { timeout: 60_000 }, () => {
  const random = seededRandom(42);
  const seen: Record<string, { ok: number; refused: number }> = {};
  let slowest = 0;
  for (let i = 0; i < COUNT; i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const { kind, bytes } = mutate(sampleFile(id, i), random);
    const started = performance.now();
    let result: ReturnType<typeof parseRecordFile>;
    try {
      result = parseRecordFile('talks', id, bytes);
    } catch (e) {
      throw new Error(`mutation ${i} (${kind}) threw: ${String(e)}`);
    }
    slowest = Math.max(slowest, performance.now() - started);
    const tally = (seen[kind] ??= { ok: 0, refused: 0 });
    if (result.ok) {
      tally.ok++;
      // What is read is a whole record: it writes back to a file that reads the same.
      const again = parseRecordFile('talks', id, new TextEncoder().encode(serialiseRecord('talks', result.record, result.vv)));
      expect(again).toEqual(result);
      expect(result.record.id).toBe(id);
    } else {
      tally.refused++;
      expect(result.reason.length, `mutation ${i} (${kind})`).toBeGreaterThan(10);
    }
  }
  console.log(`fuzz: ${COUNT} files, slowest parse ${slowest.toFixed(0)} ms`, seen);
  // A generous bound for a shared two-core machine: the point is "no hang", not speed.
  expect(slowest).toBeLessThan(2000);
  const refused = Object.values(seen).reduce((n, s) => n + s.refused, 0);
  expect(refused).toBeGreaterThan(COUNT / 3);
});
