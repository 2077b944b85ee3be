// The runner's proxy settings, as the HTTP layer (http.ts) and the artifact reader take them: a module of its own,
// without the transports, so code on the dry-run path can read the settings without loading Node's http stack.

/** The proxy settings of the runner (HTTPS_PROXY, HTTP_PROXY, NO_PROXY); empty means none. */
export interface ProxyConfig {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

/**
 * Proxy settings from an environment (the one index.ts hands down). Lower-case names win, as curl, Go and undici
 * read them; an empty value disables a proxy.
 */
export function proxyConfigFromEnv(env: Readonly<Record<string, string | undefined>>): ProxyConfig {
  const pick = (name: string) => env[name.toLowerCase()] ?? env[name.toUpperCase()] ?? '';
  return { httpProxy: pick('http_proxy'), httpsProxy: pick('https_proxy'), noProxy: pick('no_proxy') };
}
