import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDockerConfig, usesCredentialStore } from '../../src/docker/config.js';

describe("the run's own Docker config", () => {
  it("keeps the user's context, plugin directories and proxies, never their credentials", () => {
    const user = mkdtempSync(join(tmpdir(), 'user-docker-'));
    mkdirSync(join(user, 'buildx'));
    writeFileSync(
      join(user, 'config.json'),
      JSON.stringify({
        auths: { 'ghcr.io': { auth: 'dXNlcjpwYXNz' } },
        credsStore: 'desktop',
        credHelpers: { 'gcr.io': 'gcloud' },
        currentContext: 'remote-ctx',
        cliPluginsExtraDirs: ['/opt/plugins'],
        proxies: { default: { httpProxy: 'http://127.0.0.1:3128' } },
      }),
    );
    const dir = createDockerConfig(mkdtempSync(join(tmpdir(), 'work-')), user);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({
      auths: {},
      currentContext: 'remote-ctx',
      cliPluginsExtraDirs: ['/opt/plugins'],
      proxies: { default: { httpProxy: 'http://127.0.0.1:3128' } },
    });
    expect(usesCredentialStore(dir)).toBe(false);
  });

  it('without a user config: an empty one', () => {
    const dir = createDockerConfig(mkdtempSync(join(tmpdir(), 'work-')), join(tmpdir(), 'no-such-docker-config'));
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe('{"auths":{}}\n');
  });

  it('a credential store written by docker login means the post step must log out', () => {
    const dir = createDockerConfig(mkdtempSync(join(tmpdir(), 'work-')), join(tmpdir(), 'no-such-docker-config'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { 'ghcr.io': {} }, credsStore: 'secretservice' }));
    expect(usesCredentialStore(dir)).toBe(true);
  });
});
