import { addDays } from '../../platform/calendar/iso-days.ts';
import { type AuthorizationRequest, authorizationRequestSchema } from './authorization.ts';

/** A complete ambulatory detox request that meets every criterion (test and demo data). */
export function makeDetoxRequest(overrides: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  return authorizationRequestSchema.parse({
    memberId: 'M-0001',
    planId: 'CKP-HMO-100',
    facility: { npi: '2981000070', name: 'Lanternway Ambulatory Detox — Baltimore' },
    levelOfCare: 'ambulatory-withdrawal-management',
    priority: 'standard',
    diagnosisCodes: ['F11.20'],
    services: [{ code: 'H0014', units: 5, startDate: '2026-11-23', endDate: '2026-11-27' }],
    assessment: {
      faceToFace: true,
      date: '2026-11-19',
      assessedBy: 'R. Imani, LCSW',
      withdrawalScore: { scale: 'COWS', value: 14 },
      medicalComplicationsRequireInpatient: false,
      stableLivingEnvironment: true,
      committedToTreatment: true,
    },
    clinicalSummary:
      'Daily oxycodone use for 2 years; moderate withdrawal; lives with partner who supports treatment.',
    treatmentPlan:
      'Buprenorphine induction days 1–3, daily nursing check, individual therapy, step down to IOP.',
    ...overrides,
  });
}

/**
 * The same request as received on `day` (default today, as a route receives it): assessed the
 * day before, five days from the next day. For tests whose receipt time is the server's clock.
 */
export function makeDetoxRequestReceivedOn(
  day = new Date().toISOString().slice(0, 10),
  overrides: Partial<AuthorizationRequest> = {},
): AuthorizationRequest {
  const base = makeDetoxRequest();
  return makeDetoxRequest({
    services: [{ code: 'H0014', units: 5, startDate: addDays(day, 1), endDate: addDays(day, 5) }],
    assessment: { ...base.assessment, date: addDays(day, -1) },
    ...overrides,
  });
}
