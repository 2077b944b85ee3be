// Secrets never reach a log line, an output, the summary or an error message. The runner masks values
// registered with ::add-mask::, but local runs (act, tests, a terminal) have no masker: redact ourselves.

/**
 * Replace every occurrence of each secret with `***`. Longer secrets first (one may contain another); each line
 * of a multi-line secret is masked on its own too, as the runner's log masking does.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const all = new Set<string>();
  for (const s of secrets) {
    if (!s || !s.trim()) continue;
    all.add(s);
    for (const line of s.split(/\r?\n/)) if (line.trim().length >= 4) all.add(line);
  }
  let out = text;
  for (const s of [...all].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
  return out;
}
