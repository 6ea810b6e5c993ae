// Backup restore and Markdown import, mutated 1,000 times each, into a realistic and an empty database.
import { fuzzSuite } from '../helpers/fuzz/suite';

fuzzSuite('backup', 'Backup (restore)');
fuzzSuite('markdown', 'Markdown');
