// The Docker effects as one lazily imported chunk: a dry-run never loads them, a real run loads them once
// (one chunk instead of one per effect, so shared code such as exec.ts is bundled once).
export { createDockerConfig, removeDockerConfig, usesCredentialStore } from './config.js';
export { login, logout, resolveCredentials } from './login.js';
export { removeBuilder, setUpBuilder, startBuilderProbes } from './builder.js';
export { build, BuildError } from './build.js';
export { setBaseEnvironment } from '../exec.js';
export { checkCallSupported } from '../buildx/call-support.js';
export { saveImage } from './save.js';
