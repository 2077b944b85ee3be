// The build cache: explicit cache-from/cache-to inputs win; otherwise the GitHub Actions cache when the runtime
// offers one, scoped per image and platform set so the jobs of a matrix (and the legs of a fan-out) never overwrite
// each other's cache (BuildKit's default scope `buildkit` is shared by every job: the last writer wins).
import type { Context } from '../context.js';
import type { CachePlan } from './types.js';

/** A cache scope per image and platform set. */
export function cacheScope(image: string, platforms: string[]): string {
  const path = image.split('/').slice(1).join('/') || image;
  const parts = [path, ...platforms].join('-');
  return parts
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function planCache(
  given: { from: string[]; to: string[] },
  ctx: Context,
  image: string,
  platforms: string[],
): CachePlan {
  if (given.from.length || given.to.length) return { source: 'inputs', from: given.from, to: given.to };
  const service = ctx.runtime.cache;
  if (service.kind === 'none') {
    return {
      source: 'none',
      from: [],
      to: [],
      reason:
        'this runtime offers no GitHub cache service (ACTIONS_CACHE_URL or ACTIONS_RESULTS_URL with ACTIONS_RUNTIME_TOKEN)',
    };
  }
  // act (0.2.63 and later, which every act that runs node24 actions is) hands out a JWT like GitHub's runners do
  if (!service.tokenIsJwt) {
    return {
      source: 'none',
      from: [],
      to: [],
      reason: "ACTIONS_RUNTIME_TOKEN is not a JWT, which BuildKit's GitHub cache client requires",
    };
  }
  const scope = cacheScope(image, platforms);
  return {
    source: 'gha',
    service,
    scope,
    from: [`type=gha,scope=${scope}`],
    to: [`type=gha,mode=max,scope=${scope},ignore-error=true`],
  };
}

/** The notices a cache decision deserves. */
export function cacheNotices(cache: CachePlan): string[] {
  if (cache.source === 'none') return [`No GitHub cache: ${cache.reason}.`];
  if (cache.source === 'gha' && cache.service.kind === 'v2') {
    return ['GitHub cache service v2: needs buildx ≥ 0.21 and BuildKit ≥ 0.20 (checked when the builder is ready).'];
  }
  return [];
}
