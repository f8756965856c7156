import { readFile } from 'node:fs/promises';
import { AppError, issuesFromZod } from '../../platform/errors.ts';
import { type Plan, planFileSchema } from './plan-schema.ts';

/** Parses a plan file's JSON text; every problem is reported at once with its path, nothing half-loaded. */
export function parsePlanFile(text: string, fileName = 'plan file'): Plan[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('validation_failed', `${fileName} is not valid JSON.`, [
      { path: '', message: error instanceof Error ? error.message : String(error) },
    ]);
  }
  const parsed = planFileSchema.safeParse(json);
  if (!parsed.success)
    throw new AppError(
      'validation_failed',
      `${fileName} is not a valid plan file.`,
      issuesFromZod(parsed.error.issues),
    );
  const ids = new Set<string>();
  const duplicates = parsed.data.plans.flatMap((plan, i) => {
    const dup = ids.has(plan.planId);
    ids.add(plan.planId);
    return dup ? [{ path: `plans.${i}.planId`, message: `plan ${plan.planId} is listed twice` }] : [];
  });
  if (duplicates.length > 0)
    throw new AppError('validation_failed', `${fileName} lists a plan twice.`, duplicates);
  return parsed.data.plans;
}

/** Reads and parses a plan file from disk. */
export async function loadPlanFile(path: string): Promise<Plan[]> {
  return parsePlanFile(await readFile(path, 'utf8'), path);
}
