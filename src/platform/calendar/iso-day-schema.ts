import { z } from 'zod';
import { isIsoDay } from './iso-days.ts';

/** A real calendar day written YYYY-MM-DD, at every boundary that takes one (options, forms, uploads). */
export const isoDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine(isIsoDay, 'a real calendar date');
