import { AppError } from '../platform/errors.ts';

export interface DailyMmeInput {
  /** Strength of the controlled ingredient per unit, in `unit`. */
  strength: number;
  /** The strength's unit; the factor is per this unit (MG/HR is read as 1000 MCG/HR). */
  unit: string;
  /** Units dispensed: tablets, mL, patches, films, sprays. */
  quantity: number;
  daysSupply: number;
  factor: number;
}

/**
 * Daily MME of one fill, RISK-RULES §4: strength × (quantity ÷ days supply) ×
 * factor, rounded to 2 decimals so 25 mcg/hr × (10 ÷ 30) × 7.2 is 60.
 */
export function dailyMme({ strength, unit, quantity, daysSupply, factor }: DailyMmeInput): number {
  if (!(daysSupply > 0)) throw new AppError('validation_failed', 'days supply must be positive');
  if (!(quantity >= 0) || !(strength >= 0) || !(factor >= 0))
    throw new AppError('validation_failed', 'strength, quantity and factor must not be negative');
  // Patch factors are per mcg/hr; RxNorm (OMTK) states patches in mg/hr.
  const perUnit = unit.trim().toUpperCase() === 'MG/HR' ? strength * 1000 : strength;
  // Divide last: 25 × 10 × 7.2 / 30 is exact where 25 × (10 / 30) × 7.2 is not.
  return roundMme((perUnit * quantity * factor) / daysSupply);
}

/** Rounds an MME to 2 decimals, half away from zero, after removing binary noise (0.125 stays 0.13). */
export function roundMme(value: number): number {
  const cents = Number((value * 100).toPrecision(12));
  return (Math.sign(cents) * Math.round(Math.abs(cents))) / 100;
}
