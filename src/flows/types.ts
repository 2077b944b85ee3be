// What every flow gets besides its plan: the runner environment (for state and file commands), the secret values
// to redact from everything it prints, and the GitHub token (attestation, artifacts).
import type { Env } from '../runner.js';

export interface FlowEnv {
  env: Env;
  /** every secret value this run knows; a flow adds the ones it learns (an ECR password) */
  secrets: string[];
  githubToken: string;
}
