// What a publish pushes, and under which names — build-push-action's semantics. Without `outputs`, the computed
// tags are pushed (push defaults to true here). With `outputs`, an output that names its image decides where it
// goes (the computed tags are then not passed as --tag: buildx would replace the output's name with them), `--push`
// is added only when `push: true` is given (as build-push-action does), and an output with push=false pushes
// nothing — so nothing is logged in to or attested.
import { outputTargets } from '../buildx/outputs.js';
import type { Inputs } from '../inputs/index.js';
import type { MetaResult } from '../meta/types.js';
import { repositoryName } from '../registry/image-ref.js';

export interface PushTargets {
  /** something reaches a registry */
  pushes: boolean;
  /** the values of --tag */
  tagFlags: string[];
  /** the references pushed (image:tag, or bare names for a push by digest) */
  refs: string[];
  /** the repositories pushed to (attestation subjects, logins) */
  repositories: string[];
  /** the flag `--push` */
  pushFlag: boolean;
  /** an image output pushes by digest only: no tag is written */
  byDigest: boolean;
  /** the computed tags are used (they must then exist) */
  usesTags: boolean;
}

export function pushTargets(inputs: Pick<Inputs, 'outputs' | 'push'>, meta: MetaResult, push: boolean): PushTargets {
  if (inputs.outputs.length === 0) {
    return {
      pushes: push,
      tagFlags: meta.tags,
      refs: push ? meta.tags : [],
      repositories: push ? [...new Set(meta.images.map(repositoryName))] : [],
      pushFlag: push,
      byDigest: false,
      usesTags: true,
    };
  }
  const pushFlag = push && inputs.push === true;
  const t = outputTargets(inputs.outputs, pushFlag);
  const refs = t.namedByOutputs ? t.names : meta.tags;
  return {
    pushes: push && t.pushes,
    tagFlags: t.namedByOutputs ? [] : meta.tags,
    refs: push && t.pushes ? refs : [],
    repositories: push && t.pushes ? [...new Set(refs.map(repositoryName))] : [],
    pushFlag,
    byDigest: t.pushByDigest,
    usesTags: !t.namedByOutputs,
  };
}
