import { readFileSync } from 'node:fs';
import { parsePlanFile } from '../plans/load-plans.ts';
import type { Plan } from '../plans/plan-schema.ts';

/** The plan ids the demo ships; the synthetic generator assigns members to these. */
export const demoPlanIds = [
  'CKP-HMO-100',
  'CKP-EPO-200',
  'CKP-POS-300',
  'CKP-PPO-400',
  'CKP-PPO-HD-500',
  'CKP-MA-HMO-600',
  'CKP-MA-PPO-700',
  'CKP-MCD-HMO-800',
] as const;

const demoPlanFile = new URL('./demo-plans.json', import.meta.url);

/** The demo plans, parsed and checked like any plan file. */
export function loadDemoPlans(): Plan[] {
  return parsePlanFile(readFileSync(demoPlanFile, 'utf8'), 'demo-plans.json');
}
