/**
 * A fuzz worker: makes cases from the run's seed and case numbers, runs each through its importer, and reports
 * before and after every case, so the pool can stop a case that hangs and name it.
 */
import 'fake-indexeddb/auto';
import { parentPort, workerData } from 'node:worker_threads';
import { mutate } from './mutate';
import { caseSeed, makeRng } from './prng';
import { TARGETS, messageProblem, mutateInsideZip, type SeedFile } from './targets';

export type FromWorker =
  | { type: 'ready'; seeds: number }
  | { type: 'start'; index: number; describe: string }
  | { type: 'done'; index: number; ms: number; outcome: string; failure: string | null }
  | { type: 'fatal'; message: string };

export interface CaseMessage {
  index: number;
}

const { target: targetName, seed } = workerData as { target: string; seed: number };
const target = TARGETS[targetName]!;
const port = parentPort!;
let seeds: SeedFile[] = [];

async function makeCase(index: number): Promise<{ name: string; bytes: Uint8Array; describe: string }> {
  const r = makeRng(caseSeed(seed, index));
  const s = seeds[index % seeds.length]!;
  if (s.syntax === 'binary' && r.next() < 0.6) {
    // Inside the zip: the archive stays valid and the mutation reaches the parser of what it holds.
    let applied: string[] = [];
    const { bytes, entry } = await mutateInsideZip(
      s.bytes,
      (names) => r.pick(names),
      (data, syntax) => {
        const m = mutate(data, r, syntax, index, target);
        applied = m.applied;
        return m.bytes;
      },
    );
    return { name: s.name, bytes, describe: `${s.name} → ${entry}: ${applied.join('; ')}` };
  }
  const m = mutate(s.bytes, r, s.syntax, index, target);
  return { name: s.name.replace(/ \(.*\)$/, ''), bytes: m.bytes, describe: `${s.name}: ${m.applied.join('; ')}` };
}

async function runCase(index: number): Promise<void> {
  const c = await makeCase(index);
  port.postMessage({ type: 'start', index, describe: c.describe } satisfies FromWorker);
  const t0 = performance.now();
  let failure: string | null = null;
  let outcome = 'accepted';
  try {
    const o = await target.run(c.name, c.bytes, index);
    if (o.kind === 'broken') failure = o.problem;
    else if (o.kind === 'refused') {
      outcome = o.error;
      if (!target.expected.includes(o.error)) failure = `unexpected ${o.error}: ${o.message}`;
      else {
        const bad = messageProblem(o.message);
        if (bad) failure = `${bad}: ${JSON.stringify(o.message.slice(0, 300))}`;
      }
    }
  } catch (e) {
    // Thrown outside the importer's own handling (e.g. by the checks after an accepted file).
    failure = `crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  }
  port.postMessage({ type: 'done', index, ms: performance.now() - t0, outcome, failure } satisfies FromWorker);
}

port.on('message', (m: CaseMessage) => {
  runCase(m.index).catch((e: unknown) => port.postMessage({ type: 'fatal', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies FromWorker));
});

target
  .seeds()
  .then((s) => {
    seeds = s;
    port.postMessage({ type: 'ready', seeds: s.length } satisfies FromWorker);
  })
  .catch((e: unknown) => port.postMessage({ type: 'fatal', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies FromWorker));
