// Entry for both the main and the post step (action.yml runs this file for both): the runner hands the post
// step the state the main step saved, so `isPost` tells them apart.
// main is imported statically: it is the hot path, and every separate chunk costs an ESM resolve + compile.
import { main } from './main.js';
import { STATE } from './post-state.js';
import { getState, log } from './runner.js';

async function entry(): Promise<number> {
  if (getState(process.env, STATE.isPost) === 'true') {
    const { post } = await import('./post.js');
    await post(process.env);
    return 0;
  }
  // node:os only when HOME is unset (never on a runner): loading it is a measurable part of a dry-run's start
  const home = process.env.HOME || (await import('node:os')).homedir();
  return main(process.env, { pid: process.pid, home });
}

entry().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    log.error(e instanceof Error ? e.message : String(e), 'publish-image: unexpected failure');
    process.exitCode = 1;
  },
);
