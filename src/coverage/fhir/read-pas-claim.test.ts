import { describe, expect, it } from 'vitest';
import { authorizationRequestSchema } from '../preauth/authorization.ts';
import { applyAuthorizationAction, receiveAuthorization } from '../preauth/transitions.ts';
import { makePasBundle } from './pas-fixtures.ts';
import { readPasClaim } from './read-pas-claim.ts';
import { writeClaimResponse, writeOperationOutcome } from './write-claim-response.ts';

describe('readPasClaim', () => {
  it('reads member, plan, facility, level of care, items and assessment from a PAS Bundle', () => {
    const read = readPasClaim(makePasBundle({ priority: 'stat' }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.claimId).toBe('FAC-REQ-77');
    const request = authorizationRequestSchema.parse(read.request);
    expect(request).toMatchObject({
      memberId: 'M-0001',
      planId: 'CKP-HMO-100',
      facility: { npi: '2981000070' },
      levelOfCare: 'ambulatory-withdrawal-management',
      priority: 'expedited',
      diagnosisCodes: ['F1120'],
      services: [{ code: 'H0014', units: 5, startDate: '2026-11-23', endDate: '2026-11-27' }],
      assessment: {
        date: '2026-11-19',
        withdrawalScore: { scale: 'COWS', value: 14 },
        stableLivingEnvironment: true,
      },
    });
  });

  it('accepts a bare Claim with logical references', () => {
    const claim = makePasBundle().entry[0]?.resource as Record<string, unknown>;
    const read = readPasClaim({
      ...claim,
      patient: { reference: 'Patient/M-0042' },
      provider: { identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: '2981000013' } },
      insurance: undefined,
    });
    expect(read).toMatchObject({
      ok: true,
      request: { memberId: 'M-0042', facility: { npi: '2981000013' } },
    });
    expect(read.ok && read.request.planId).toBeUndefined();
  });

  it('refuses a Claim whose use is not preauthorization, naming the field', () => {
    const bundle = makePasBundle();
    (bundle.entry[0]?.resource as Record<string, unknown>).use = 'claim';
    expect(readPasClaim(bundle)).toEqual({
      ok: false,
      issues: [{ path: 'Claim.use', message: 'Claim/$submit takes a Claim with use = preauthorization' }],
    });
  });

  it('refuses a Bundle whose first entry is not the Claim, and a Patient sent alone', () => {
    const bundle = makePasBundle();
    bundle.entry.reverse();
    expect(readPasClaim(bundle)).toMatchObject({ ok: false, issues: [{ path: 'Bundle.entry[0].resource' }] });
    expect(readPasClaim({ resourceType: 'Patient' })).toMatchObject({
      ok: false,
      issues: [{ path: 'resourceType' }],
    });
  });

  it('reports a missing NPI, an unknown service code and a missing assessment together', () => {
    const bundle = makePasBundle();
    const claim = bundle.entry[0]?.resource as Record<string, unknown> & {
      supportingInfo: unknown[];
      item: Array<Record<string, unknown>>;
    };
    claim.provider = { display: 'No NPI clinic' };
    claim.supportingInfo = [];
    (claim.item[0] as { productOrService: unknown }).productOrService = { coding: [{ code: '99213' }] };
    const read = readPasClaim(bundle);
    expect(read.ok ? [] : read.issues.map((i) => i.path)).toEqual([
      'Claim.provider',
      'Claim.item',
      'Claim.supportingInfo',
    ]);
  });
});

describe('writeClaimResponse', () => {
  const read = readPasClaim(makePasBundle());
  const request = authorizationRequestSchema.parse(read.ok ? read.request : {});
  const received = receiveAuthorization({
    id: 'PA-7',
    request,
    receivedAt: '2026-11-20T15:00:00.000Z',
    actor: 'f',
  });

  it('answers a new request as queued and pended (X12 A4) with the authorization number', () => {
    const response = writeClaimResponse(received, 'FAC-REQ-77', '2026-11-20T15:00:00.000Z');
    expect(response).toMatchObject({
      resourceType: 'ClaimResponse',
      use: 'preauthorization',
      outcome: 'queued',
      preAuthRef: 'PA-7',
      request: { identifier: { value: 'FAC-REQ-77' } },
    });
    expect(JSON.stringify(response)).toContain('"code":"A4"');
  });

  it('answers a partial approval as complete, modified (A6), with approved units per item', () => {
    let a = applyAuthorizationAction(received, { kind: 'start-review' }, '2026-11-21T10:00:00.000Z', 'um');
    a = applyAuthorizationAction(
      a,
      { kind: 'partially-approve', approvedUnits: [3], reason: 'Three days first, then concurrent review.' },
      '2026-11-21T11:00:00.000Z',
      'um',
    );
    const response = writeClaimResponse(a, null, '2026-11-21T11:00:00.000Z') as unknown as {
      outcome: string;
      item: Array<{ adjudication: Array<{ value: number }> }>;
    };
    expect(response.outcome).toBe('complete');
    expect(response.item[0]?.adjudication.map((x) => x.value)).toEqual([5, 3]);
    expect(JSON.stringify(response)).toContain('"code":"A6"');
  });
});

describe('writeOperationOutcome', () => {
  it('lists each issue with its expression', () => {
    expect(writeOperationOutcome([{ path: 'Claim.use', message: 'wrong use' }])).toEqual({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'invalid', diagnostics: 'wrong use', expression: ['Claim.use'] }],
    });
  });
});
