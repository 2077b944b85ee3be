// The README's first command: the main job, locally, for real. Starts the test environment (dockerd, buildx,
// registries, QEMU), then runs the bundled action (dist/index.js) exactly as a runner would — INPUT_* and GITHUB_*
// env, an event JSON, GITHUB_OUTPUT/STATE/STEP_SUMMARY files, then the post step — to build a two-platform image
// and push it to the local registry that needs a login. Prints the outputs and the job summary.
//
// The example model image itself needs PyPI and Docker Hub, which this machine cannot reach; the local job uses the
// same inputs as .github/workflows/docker-publish.yml with a build context that builds offline.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runAction } from '../test/e2e/helpers/action.ts';
import { event } from '../test/fixtures/events.ts';

const ROOT = resolve(import.meta.dirname, '..');
const setup = spawnSync('bash', [join(ROOT, 'scripts/test-env.sh')], { stdio: 'inherit' });
if (setup.status !== 0) process.exit(setup.status ?? 1);

const envFile = Object.fromEntries(
  readFileSync('/tmp/publish-image-test-env/env', 'utf8')
    .split('\n')
    .map((l) => /^([A-Z0-9_]+)=(.*)$/.exec(l))
    .filter(Boolean)
    .map((m) => [m[1], m[2]]),
);
const password = readFileSync(envFile.REGISTRY_PASSWORD_FILE, 'utf8').trim();

const job = await runAction({
  eventName: 'push',
  ref: 'refs/heads/master',
  event: event('push-master'),
  repository: 'octo-org/publish-image',
  inputs: {
    images: `${envFile.REGISTRY_AUTH}/octo-org/publish-image`,
    registry: envFile.REGISTRY_AUTH,
    username: envFile.REGISTRY_USER,
    password,
    context: 'test/fixtures/contexts/multiarch',
    platforms: 'linux/amd64,linux/arm64',
    network: 'host',
    'build-args': `BASE=${envFile.BASE_IMAGE}`,
    'push-to-registry': 'true',
  },
});

process.stdout.write(
  job.main.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n'),
);
process.stdout.write(`\n--- post step ---\n${job.post?.stdout ?? ''}`);
process.stdout.write(
  `\n--- outputs ---\n${Object.entries(job.main.outputs)
    .filter(([k]) => ['digest', 'imageid', 'version', 'tags'].includes(k))
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n`,
);
process.stdout.write(`\n--- job summary (GITHUB_STEP_SUMMARY) ---\n${job.main.summary}\n`);
process.exit(job.main.code);
