import {
  type AssessmentItem,
  assessmentQuestionnaireUrl,
  assessmentSections,
} from './assessment-questionnaire.ts';
import type { AssessmentView, ScoreView } from './assessment-store.ts';

const answerOf = (item: AssessmentItem, value: unknown): Record<string, unknown> | null => {
  if (value === null || value === undefined) return null;
  switch (item.type) {
    case 'choice': {
      const option = item.options.find((o) => o.code === value);
      return option ? { valueCoding: { code: option.code, display: option.display } } : null;
    }
    case 'integer':
      return { valueInteger: value };
    case 'boolean':
      return { valueBoolean: value };
    case 'date':
      return { valueDate: value };
    case 'string':
      return { valueString: value };
  }
};

/** An assessment as a FHIR QuestionnaireResponse, grouped as the Questionnaire is; unanswered items are left out. */
export function toFhirAssessment(
  a: AssessmentView,
): Record<string, unknown> & { resourceType: string; id: string } {
  const answered = (items: readonly AssessmentItem[]) =>
    items.flatMap((item) => {
      const answer = answerOf(item, a.answers[item.linkId]);
      return answer ? [{ linkId: item.linkId, text: item.text, answer: [answer] }] : [];
    });
  const groups = assessmentSections
    .map((s) => ({
      linkId: s.linkId,
      text: s.text,
      item: [
        ...answered(s.items),
        ...(s.instruments ?? []).flatMap((inst) => {
          const items = answered(
            inst.items.map((i) => ({
              linkId: i.linkId,
              text: i.text,
              type: 'choice' as const,
              options: i.options,
            })),
          );
          return items.length ? [{ linkId: inst.code, text: inst.name, item: items }] : [];
        }),
      ],
    }))
    .filter((g) => g.item.length > 0);
  return {
    resourceType: 'QuestionnaireResponse',
    id: a.assessmentId,
    questionnaire: assessmentQuestionnaireUrl,
    status: a.status,
    subject: { reference: `Patient/${a.memberId}` },
    authored: a.authoredAt,
    ...(groups.length ? { item: groups } : {}),
  };
}

/** An instrument's score as a FHIR Observation (category survey), derived from its QuestionnaireResponse. */
export function toFhirScore(
  memberId: string,
  s: ScoreView & { scoreId: string },
): Record<string, unknown> & { resourceType: string; id: string } {
  return {
    resourceType: 'Observation',
    id: s.scoreId,
    status: 'final',
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] },
    ],
    code: { coding: [{ system: s.system, code: s.code, display: s.display }] },
    subject: { reference: `Patient/${memberId}` },
    effectiveDateTime: s.effectiveAt,
    valueInteger: s.score,
    ...(s.band ? { interpretation: [{ text: s.band }] } : {}),
    derivedFrom: [{ reference: `QuestionnaireResponse/${s.sourceId}` }],
  };
}
