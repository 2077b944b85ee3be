// Lets the scripts run the TypeScript sources and test helpers directly under Node (type stripping): the sources
// import each other as `./x.js`, as tsc and the bundler expect, and Node does not map that to `./x.ts` itself.
// Loaded with `node --import ./scripts/ts-imports.mjs`: npm run bench, npm run trace and npm run local do.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (e) {
      const relativeJs = specifier.startsWith('.') && specifier.endsWith('.js');
      if (!relativeJs || e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
      return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
    }
  },
});
