/** Reads a schedule file of any supported format into the normalised Schedule. Loaded only when importing. */
import { decodeText, detectFormat } from './detect';
import { parseFrabJson } from './frab-json';
import { parseFrabXml } from './frab-xml';
import { looksLikeIcal, parseIcal, unfoldBytes } from './ical';
import { parseSessionize } from './sessionize';
import type { Schedule } from './types';

/** Detects the format from the content and parses it; throws ScheduleError with a message for people. */
export function parseSchedule(bytes: Uint8Array): Schedule {
  const ical = looksLikeIcal(bytes);
  const text = decodeText(ical ? unfoldBytes(bytes) : bytes);
  const detected = detectFormat(text);
  switch (detected.format) {
    case 'ical':
      return parseIcal(text);
    case 'frab-xml':
      return parseFrabXml(text);
    case 'frab-json':
      return parseFrabJson(detected.data);
    case 'sessionize':
      return parseSessionize(detected.data);
  }
}
