// Types for scripts/validate-workflows.mjs (imported by test/unit/workflows.test.ts).
export interface WorkflowError {
  file: string;
  line: number;
  column: number;
  message: string;
}
export interface ActionInputSpec {
  required: boolean;
  hasDefault: boolean;
}
export function readActionInputs(actionFile?: string): Map<string, ActionInputSpec> | null;
export function validateWorkflow(
  file: string,
  content: string,
  options?: { actionInputs?: Map<string, ActionInputSpec> | null },
): Promise<WorkflowError[]>;
export function formatError(e: WorkflowError): string;
export function workflowFiles(root?: string): string[];
