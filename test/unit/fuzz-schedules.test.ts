// Schedule files of every format, mutated 1,000 times each (test/helpers/fuzz). LECTERN_FUZZ_SEED repeats a run.
import { fuzzSuite } from '../helpers/fuzz/suite';

fuzzSuite('ical', 'iCalendar');
fuzzSuite('frab-xml', 'Pentabarf/frab XML');
fuzzSuite('frab-json', 'frab/pretalx JSON');
fuzzSuite('sessionize', 'Sessionize JSON');
