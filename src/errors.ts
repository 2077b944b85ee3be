// The one error type for user mistakes in inputs. Every module that validates an input (the inputs reader, the
// tag/label engine, the buildx syntax checks) throws this, so main.ts reports all of them the same way: one
// `::error::` naming the input, what was given and what is expected, before anything runs.

/** A user mistake in an input: names the input, what was given and what is expected. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly given: string,
    readonly expected: string,
  ) {
    super(`Input "${input}": got ${JSON.stringify(given)}; expected ${expected}`);
    this.name = 'InputError';
  }
}
