// The engine's SemVer/PEP 440 parsers are loaded on demand by the action (main.ts); unit tests load both once.
import { loadVersionParsers } from '../../src/meta/index.js';

await loadVersionParsers([{ type: 'semver' }, { type: 'pep440' }]);
