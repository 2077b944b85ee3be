// Entry point bundled by scripts/build-workflow-validator.mjs into scripts/vendor/workflow-parser.mjs.
// @actions/workflow-parser imports its JSON schema without import attributes, which plain Node refuses;
// the bundle inlines the schema so the validator runs on a bare Node 20/24.
export { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } from '@actions/workflow-parser';
