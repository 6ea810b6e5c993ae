/** Zone names found in schedule files. */
import { canonicalTimeZone, isValidTimeZone } from '../model/time';

/** The runtime's spelling of an IANA zone the file names, or '' when it names none the runtime knows. */
export function knownZone(name: string | undefined): string {
  const z = (name ?? '').trim();
  if (!z || !isValidTimeZone(z)) return '';
  // Keep the file's spelling (Asia/Kolkata, not the runtime's older alias Asia/Calcutta); fix only its case.
  const canonical = canonicalTimeZone(z);
  return canonical.toLowerCase() === z.toLowerCase() ? canonical : z;
}
