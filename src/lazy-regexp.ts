// A regular expression built on its first use. A `\p{…}` literal costs about a millisecond and a half of every
// start, even in code that never runs: V8 checks a literal's syntax when it parses the script, and that loads ICU's
// Unicode property data. Built from a string on first use instead, it costs nothing until a value needs it; the
// callers test for plain ASCII first, so nearly every run never builds it (measured with `npm run bench`).
export function lazyRegExp(source: string, flags: string): () => RegExp {
  let re: RegExp | undefined;
  return () => (re ??= new RegExp(source, flags));
}
