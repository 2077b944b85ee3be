// Secrets never reach a log line, an output, the summary or an error message. The runner masks values
// registered with ::add-mask::, but local runs (act, tests, a terminal) have no masker: redact ourselves.

/** Replaces every occurrence of each secret (longest first, so a secret containing another is fully hidden). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of [...secrets].filter((v) => v.length > 0).sort((a, b) => b.length - a.length)) {
    out = out.split(s).join('***');
  }
  return out;
}
