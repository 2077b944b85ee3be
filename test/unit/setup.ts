// The unit project's setup file (vitest.config.ts). It sets up nothing global: the tag engine's SemVer/PEP 440
// parsers are an explicit argument of computeMeta, loaded by the tests that need them (test/unit/meta/helpers.ts).
export {};
