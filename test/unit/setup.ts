// Every unit test may parse a quoted value without going through readInputs, which is what loads csv-parse in a
// run (src/csv-parse.ts); test/unit/csv-parse.test.ts checks that readInputs does.
import { loadCsvParse } from '../../src/csv-parse.js';

await loadCsvParse();
