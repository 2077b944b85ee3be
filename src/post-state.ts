// What the main step hands the post step: the names of the runner state (GITHUB_STATE → STATE_<name>) the main
// step saves and the post step reads. Apart from post.ts so the main step's entry does not carry the post step's
// code.
export const STATE = {
  isPost: 'isPost',
  dockerConfig: 'dockerConfig',
  registries: 'registries',
  logout: 'logout',
  builder: 'createdBuilder',
} as const;
