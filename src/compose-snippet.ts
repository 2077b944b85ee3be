// The docker-compose snippet of the job summary's "Use it" section, and the preload of its YAML writer (the flows
// call it while they wait on buildx or the network). Apart from src/summary.ts, which loads it only for a pushed
// image, so a dry-run or a failed run never parses it.
import type { Plan } from './plan/index.js';

/** Starts loading the compose snippet's YAML writer while a flow waits on the network or on buildx. */
export function preloadComposeWriter(): void {
  void import('yaml').catch(() => undefined);
}

/**
 * A docker-compose service for the pushed image. Its names come from inputs (`usage-service`, `usage-port`), so the
 * YAML is written by the yaml package, which quotes whatever needs it; loaded only when a pushed image is shown.
 */
export async function composeSnippet(plan: Plan, ref: string, clean: (s: string) => string): Promise<string> {
  const { Document, Scalar, YAMLSeq } = await import('yaml');
  const name = clean(plan.summary.usageService || plan.images[0].split('/').pop()!.split(/[:@]/)[0]);
  const doc = new Document({ services: { [name]: { image: ref } } });
  if (plan.summary.usagePort) {
    // ports quoted, as Compose's docs advise: "5000:5000" unquoted reads as a base-60 number to YAML 1.1 parsers
    const port = new Scalar(clean(plan.summary.usagePort));
    port.type = Scalar.QUOTE_DOUBLE;
    const ports = new YAMLSeq();
    ports.items.push(port);
    ports.flow = true;
    doc.setIn(['services', name, 'ports'], ports);
  }
  return doc.toString({ flowCollectionPadding: false }).trimEnd();
}
