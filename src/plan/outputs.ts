// metadata-action's outputs (version, tags, tag-names, labels, annotations, json), the same in every mode.
import type { MetaResult } from '../meta/types.js';
import type { MetaOutputs } from './types.js';

function splitKeyValue(kv: string): [string, string] {
  const eq = kv.indexOf('=');
  return eq < 0 ? [kv, ''] : [kv.slice(0, eq), kv.slice(eq + 1)];
}

export function metaOutputs(
  meta: MetaResult,
  sep: { sepTags: string; sepLabels: string; sepAnnotations: string },
): MetaOutputs {
  return {
    version: meta.version.main ?? '',
    tags: meta.tags.join(sep.sepTags),
    'tag-names': meta.tagNames.join(sep.sepTags),
    labels: meta.labels.join(sep.sepLabels),
    annotations: meta.annotations.join(sep.sepAnnotations),
    json: JSON.stringify(
      {
        tags: meta.tags,
        labels: Object.fromEntries(meta.labels.map((l) => splitKeyValue(l))),
        annotations: meta.annotations,
      },
      null,
      2,
    ),
  };
}
