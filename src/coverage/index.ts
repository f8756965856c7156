/** What other domains and the composition layer use of coverage. */
export { checkParity } from './plans/check-parity.ts';
export { describeParity } from './plans/describe-parity.ts';
export { loadPlanFile } from './plans/load-plans.ts';
export { readPlan, savePlans, seedDemoCoverage } from './plans/plan-store.ts';
