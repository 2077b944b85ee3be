// Types for scripts/readme-tables.mjs (imported by test/unit/readme.test.ts and test/unit/action-contract.test.ts).
export interface ActionEntry {
  name: string;
  description: string;
  /** the `default:` value, when declared */
  default?: string;
  required: boolean;
}
export interface ActionGroup {
  /** the text of the `# --- title ---` comment before the group, when there is one */
  title?: string;
  entries: ActionEntry[];
}
export const REGENERATE: string;
export const MARKERS: { inputs: { begin: string; end: string }; outputs: { begin: string; end: string } };
export function readAction(text: string): { inputs: ActionGroup[]; outputs: ActionGroup[] };
export function cell(text: string): string;
export function defaultAndAccepts(entry: ActionEntry): [string, string];
export function renderInputs(groups: ActionGroup[]): string;
export function renderOutputs(groups: ActionGroup[]): string;
export function updateReadme(readme: string, actionYml: string, file?: string): string;
