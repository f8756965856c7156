import { z } from 'zod';

export const milestones = ['discharge', 'aftercare_90'] as const;
export type Milestone = (typeof milestones)[number];
export const respondents = ['member', 'family'] as const;
export type Respondent = (typeof respondents)[number];

/**
 * The short survey, the same at every milestone: five statements rated 1 (strongly
 * disagree) to 5 (strongly agree). No free text, so nothing that names anyone can reach analytics.
 */
export const feedbackQuestions = [
  { id: 'respected', text: 'I was treated with respect.' },
  { id: 'listened', text: 'My care team listened to what I wanted.' },
  { id: 'helped', text: 'The services I got helped.' },
  { id: 'easy_to_reach', text: 'It was easy to reach my care team when I needed to.' },
  { id: 'recommend', text: 'I would recommend this program to someone in my situation.' },
] as const;
type QuestionId = (typeof feedbackQuestions)[number]['id'];

const rating = z.number().int().min(1).max(5);
export const feedbackAnswersSchema = z.object(
  Object.fromEntries(feedbackQuestions.map((q) => [q.id, rating])) as Record<QuestionId, typeof rating>,
);
export type FeedbackAnswers = z.infer<typeof feedbackAnswersSchema>;

/** Below this many responses a cell is not shown (the same small-cell rule as the program measures). */
export const minimumCellSize = 11;
