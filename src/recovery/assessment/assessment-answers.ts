import { z } from 'zod';
import { assessmentItems } from './assessment-questionnaire.ts';

const answerValue = z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]);

/**
 * The assessment's answers by link id, each checked against its item: a choice must be
 * one of its codes, a number within its range, a date a date. Unknown items are refused.
 */
export const assessmentAnswersSchema = z.record(z.string(), answerValue).superRefine((answers, ctx) => {
  for (const [linkId, value] of Object.entries(answers)) {
    const item = assessmentItems.get(linkId);
    const issue = (message: string) => ctx.addIssue({ code: 'custom', path: [linkId], message });
    if (!item) {
      issue('not an item of the assessment');
      continue;
    }
    if (value === null) continue;
    switch (item.type) {
      case 'choice':
        if (typeof value !== 'string' || !item.options.some((o) => o.code === value))
          issue(`one of ${item.options.map((o) => o.code).join(', ')}`);
        break;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < item.min || value > item.max)
          issue(`a whole number from ${item.min} to ${item.max}`);
        break;
      case 'boolean':
        if (typeof value !== 'boolean') issue('yes or no');
        break;
      case 'date':
        if (
          typeof value !== 'string' ||
          !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
          Number.isNaN(Date.parse(value))
        )
          issue('a date YYYY-MM-DD');
        break;
      case 'string':
        if (typeof value !== 'string') issue('text');
        break;
    }
  }
});
export type AssessmentAnswers = z.infer<typeof assessmentAnswersSchema>;
