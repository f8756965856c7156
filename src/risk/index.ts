/**
 * The checkpoint risk engine (RISK-RULES §1–7): what other domains may use.
 * Everything else in `src/risk/` is internal.
 */
export type { CandidateDisposer, DispositionDecision, RunHeader } from './candidate-disposer.ts';
export { runCheckpointSandbox } from './checkpoint-sandbox.ts';
export { computeDailyMme, type MmeAnswer, type MmeQuestion } from './compute-mme.ts';
export { type DailyMme, dailyMmeSeries } from './daily-mme-series.ts';
export { emergencyDefinitions } from './emergencies/index.ts';
export { type EvaluateOptions, evaluateMembers } from './evaluate-members.ts';
export { type ExplainedFill, explainMember, type MemberExplanation } from './explain-member.ts';
export { runFactorsAsOf } from './factors-as-of.ts';
export { compareCandidates, type IdentifyOptions, identifyMembers } from './identify-members.ts';
export { loadRun } from './load-run.ts';
export { type RecordedRisk, readDailyMme, readRecordedRisk, readRecordedRisks } from './recorded-risk.ts';
export {
  factorSets,
  hashRiskConfig,
  parseRiskConfig,
  type RiskConfig,
  type RiskConfigInput,
  readRiskConfigFile,
  ruleVersion,
} from './risk-config.ts';
export { ensureRiskSchema } from './risk-schema.ts';
export type { MemberMetrics } from './risk-types.ts';
export * from './risk-types.ts';
export {
  type CodeDescription,
  describeLatestRules,
  describeRules,
  type RuleCatalog,
} from './rule-catalog.ts';
export { type RuleStep, runRuleSteps } from './rule-step.ts';
export { runClaimHits, runClaimHitsBetween } from './run-claim-hits.ts';
export type { IdentifyResult, WorklistEntry } from './run-result.ts';
export {
  formatWorklist,
  summarizeWorklist,
  type WorklistFormat,
  worklistFormats,
} from './worklist-format.ts';
