import { systems } from './pas-codes.ts';

const info = (code: string, value: Record<string, unknown>) => ({
  sequence: 1,
  category: { coding: [{ system: systems.checkpointInfo, code }] },
  ...value,
});

/** A PAS request Bundle for 5 days of H0014 ambulatory detox (tests and the demo). */
export function makePasBundle(
  options: { memberId?: string; npi?: string; priority?: 'normal' | 'stat' } = {},
) {
  const npi = options.npi ?? '2981000070';
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        resource: {
          resourceType: 'Claim',
          id: 'claim-1',
          identifier: [{ system: 'urn:facility:claims', value: 'FAC-REQ-77' }],
          status: 'active',
          type: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }],
          },
          use: 'preauthorization',
          patient: { reference: 'Patient/p1' },
          created: '2026-11-20T15:00:00Z',
          insurer: { display: 'Checkpoint Health' },
          provider: { reference: 'Organization/o1' },
          priority: { coding: [{ system: systems.processPriority, code: options.priority ?? 'normal' }] },
          insurance: [{ sequence: 1, focal: true, coverage: { reference: 'Coverage/c1' } }],
          diagnosis: [
            {
              sequence: 1,
              diagnosisCodeableConcept: { coding: [{ system: systems.icd10cm, code: 'F11.20' }] },
            },
          ],
          supportingInfo: [
            info('face-to-face-assessment', { timingDate: '2026-11-19', valueString: 'R. Imani, LCSW' }),
            info('withdrawal-score', { valueQuantity: { value: 14, unit: 'COWS', code: 'COWS' } }),
            info('medical-complications-require-inpatient', { valueBoolean: false }),
            info('stable-living-environment', { valueBoolean: true }),
            info('committed-to-treatment', { valueBoolean: true }),
            info('clinical-summary', { valueString: 'Daily oxycodone for 2 years; moderate withdrawal.' }),
            info('treatment-plan', {
              valueString: 'Buprenorphine induction, daily nursing check, individual therapy.',
            }),
          ],
          item: [
            {
              sequence: 1,
              productOrService: { coding: [{ system: systems.hcpcs, code: 'H0014' }] },
              servicedPeriod: { start: '2026-11-23', end: '2026-11-27' },
              quantity: { value: 5 },
            },
          ],
        },
      },
      {
        resource: {
          resourceType: 'Patient',
          id: 'p1',
          identifier: [
            {
              type: { coding: [{ system: systems.v20203, code: 'MB' }] },
              value: options.memberId ?? 'M-0001',
            },
          ],
        },
      },
      {
        resource: {
          resourceType: 'Organization',
          id: 'o1',
          name: 'Lanternway Ambulatory Detox — Baltimore',
          identifier: [{ system: systems.npi, value: npi }],
        },
      },
      {
        resource: {
          resourceType: 'Coverage',
          id: 'c1',
          status: 'active',
          class: [{ type: { coding: [{ code: 'plan' }] }, value: 'CKP-HMO-100' }],
        },
      },
    ],
  };
}
