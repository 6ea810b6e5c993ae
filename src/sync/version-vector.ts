/**
 * Version vectors: per device, the highest change counter a record's text includes. They tell "the remote lost an
 * update I know of" from "the remote moved on", without trusting any clock.
 */

export type VersionVector = Readonly<Record<string, number>>;

/** a ⊑ b: every change a knows of, b knows of too. */
export function dominatedBy(a: VersionVector, b: VersionVector): boolean {
  for (const [dev, n] of Object.entries(a)) if (n > (b[dev] ?? 0)) return false;
  return true;
}

/** a ⊔ b: the per-device maximum. */
export function joinVv(...vvs: VersionVector[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const vv of vvs) for (const [dev, n] of Object.entries(vv)) if (n > (out[dev] ?? 0)) out[dev] = n;
  return out;
}

export type VvOrder = 'equal' | 'before' | 'after' | 'concurrent';

/** How a relates to b. */
export function compareVv(a: VersionVector, b: VersionVector): VvOrder {
  const le = dominatedBy(a, b);
  const ge = dominatedBy(b, a);
  if (le && ge) return 'equal';
  if (le) return 'before';
  if (ge) return 'after';
  return 'concurrent';
}

/** Whether a value read from a file is a version vector: device ids to non-negative whole numbers. */
export function isVersionVector(v: unknown): v is VersionVector {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  return Object.entries(v).every(([k, n]) => /^[A-Za-z0-9_-]{1,64}$/.test(k) && Number.isSafeInteger(n) && (n as number) >= 0);
}
