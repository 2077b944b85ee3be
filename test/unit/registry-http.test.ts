// The proxy settings the registry client takes from the runner's environment (index.ts passes process.env):
// the names curl, Go and undici read, lower-case first, an empty value meaning none.
import { describe, expect, it } from 'vitest';
import { proxyConfigFromEnv, type ProxyConfig } from '../../src/registry/http.js';

describe('proxyConfigFromEnv', () => {
  const cases: { name: string; env: Record<string, string | undefined>; expected: ProxyConfig }[] = [
    { name: 'no proxy at all', env: { PATH: '/bin' }, expected: { httpProxy: '', httpsProxy: '', noProxy: '' } },
    {
      name: 'upper-case names',
      env: { HTTPS_PROXY: 'http://proxy:3128', HTTP_PROXY: 'http://proxy:3128', NO_PROXY: 'localhost,.internal' },
      expected: { httpProxy: 'http://proxy:3128', httpsProxy: 'http://proxy:3128', noProxy: 'localhost,.internal' },
    },
    {
      name: 'lower-case names win over upper-case ones',
      env: { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2', no_proxy: 'a', NO_PROXY: 'b' },
      expected: { httpProxy: '', httpsProxy: 'http://lower:1', noProxy: 'a' },
    },
    {
      name: 'an empty lower-case value turns an upper-case proxy off',
      env: { https_proxy: '', HTTPS_PROXY: 'http://upper:2' },
      expected: { httpProxy: '', httpsProxy: '', noProxy: '' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(proxyConfigFromEnv(c.env)).toEqual(c.expected);
    });
  }
});
