import type { Issue } from '../../platform/errors.ts';
import type { Authorization } from '../preauth/authorization.ts';
import { reviewActionCodeExtension, reviewActionExtension, reviewActions, systems } from './pas-codes.ts';

/** A FHIR resource as plain JSON. */
export type FhirResource = { resourceType: string } & Record<string, unknown>;

/**
 * The PAS ClaimResponse for a request: `queued` while undecided, `complete` once
 * decided or withdrawn; each item carries its X12 review action and approved units.
 */
export function writeClaimResponse(a: Authorization, claimId: string | null, created: string): FhirResource {
  const action = reviewActions[a.status];
  const decided = a.decision !== null || a.status === 'withdrawn';
  return {
    resourceType: 'ClaimResponse',
    id: a.id,
    status: 'active',
    type: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }],
    },
    use: 'preauthorization',
    patient: { reference: `Patient/${a.request.memberId}` },
    created,
    insurer: { display: a.request.planId },
    requestor: { identifier: { system: systems.npi, value: a.request.facility.npi } },
    ...(claimId ? { request: { identifier: { value: claimId } } } : {}),
    outcome: decided ? 'complete' : 'queued',
    disposition: a.decision?.reason ?? (decided ? action.display : `Received; decision due by ${a.dueAt}`),
    preAuthRef: a.id,
    item: a.request.services.map((s, i) => ({
      itemSequence: i + 1,
      extension: [
        {
          url: reviewActionExtension,
          extension: [
            {
              url: reviewActionCodeExtension,
              valueCodeableConcept: {
                coding: [{ system: systems.x12ReviewAction, code: action.code, display: action.display }],
              },
            },
            ...(a.decision?.reasonCode
              ? [
                  {
                    url: 'reasonCode',
                    valueCodeableConcept: {
                      coding: [{ system: systems.checkpointDenial, code: a.decision.reasonCode }],
                    },
                  },
                ]
              : []),
          ],
        },
      ],
      adjudication: [
        {
          category: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'submitted' }],
          },
          value: s.units,
        },
        ...(a.decision
          ? [
              {
                category: {
                  coding: [
                    { system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'eligible' },
                  ],
                },
                value: a.decision.approvedUnits[i] ?? 0,
              },
            ]
          : []),
      ],
    })),
    processNote: a.decision?.criteria.map((c, i) => ({
      number: i + 1,
      type: 'display',
      text: `${c.result === 'met' ? 'Met' : c.result === 'missed' ? 'Not met' : 'Unknown'}: ${c.text} (${c.evidence})`,
    })),
  };
}

/** An OperationOutcome listing every problem, each with the path it concerns. */
export function writeOperationOutcome(
  issues: readonly Issue[],
  code: 'invalid' | 'not-found' | 'forbidden' = 'invalid',
): FhirResource {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity: 'error',
      code,
      diagnostics: i.message,
      ...(i.path ? { expression: [i.path] } : {}),
    })),
  };
}
