import { describe, expect, it } from 'vitest';
import { institutionalEob, pharmacyEob, professionalEob } from '../fhir-fixtures.ts';
import { RowError } from '../row-error.ts';
import { mapExplanationOfBenefit } from './explanation-of-benefit.ts';

const rowErrorOf = (fn: () => unknown): { field: string; reason: string } => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RowError) return { field: error.field, reason: error.reason };
    throw error;
  }
  throw new Error('expected a RowError');
};

describe('mapping an ExplanationOfBenefit', () => {
  it('maps a pharmacy claim to a fill with NDC, quantity, days supply, prescriber and pharmacy', () => {
    const rows = mapExplanationOfBenefit(pharmacyEob('e1', 'p1'), 7);
    expect(rows.kind).toBe('pharmacy');
    if (rows.kind !== 'pharmacy') return;
    expect(rows.rx).toMatchObject({
      vkey: 7,
      claim_id: 'RX-e1',
      person_ref: 'p1',
      fill_date: '2026-01-05',
      ndc: '00406051201',
      quantity: 60,
      days_supply: 30,
      prescriber_ref: 'doc1',
      pharmacy_ref: '1111111111',
      is_reversed: false,
      source_updated: '2026-01-10T00:00:00.000Z',
    });
  });

  it('maps a professional claim with its place of service, procedure and principal diagnosis', () => {
    const rows = mapExplanationOfBenefit(professionalEob('e2', 'p1'), 1);
    if (rows.kind !== 'medical') throw new Error('expected medical');
    expect(rows.claim).toMatchObject({ claim_type: 'professional', setting: null, claim_date: '2026-01-20' });
    expect(rows.lines).toEqual([
      expect.objectContaining({ line_number: 1, procedure_code: '99213', place_of_service: '11', units: 1 }),
    ]);
    expect(rows.dx).toEqual([{ vkey: 1, position: 1, code: 'M545', is_principal: true }]);
  });

  it('maps an institutional outpatient claim with revenue codes and dates it by its earliest line', () => {
    const rows = mapExplanationOfBenefit(institutionalEob('e3', 'p1', 'outpatient'), 1);
    if (rows.kind !== 'medical') throw new Error('expected medical');
    expect(rows.claim).toMatchObject({
      claim_type: 'institutional',
      setting: 'outpatient',
      claim_date: '2026-01-20',
    });
    expect(rows.lines.map((l) => [l.line_number, l.revenue_code, l.procedure_code])).toEqual([
      [1, '0450', '99284'],
      [2, '0300', null],
    ]);
  });

  it('maps an institutional inpatient claim with its admission type', () => {
    const eob = institutionalEob('e4', 'p1', 'inpatient', {
      supportingInfo: [
        { sequence: 1, category: { coding: [{ code: 'admtype' }] }, code: { coding: [{ code: '1' }] } },
      ],
    });
    const rows = mapExplanationOfBenefit(eob, 1);
    if (rows.kind !== 'medical') throw new Error('expected medical');
    expect(rows.claim).toMatchObject({ setting: 'inpatient', admission_type: '1' });
  });

  it('marks a cancelled or entered-in-error claim as reversed', () => {
    for (const status of ['cancelled', 'entered-in-error']) {
      const rows = mapExplanationOfBenefit(pharmacyEob('e5', 'p1', { status }), 1);
      if (rows.kind !== 'pharmacy') throw new Error('expected pharmacy');
      expect(rows.rx.is_reversed).toBe(true);
    }
  });

  it('gives an adjustment the same claim id but a different content hash, and a mere resend the same hash', () => {
    const original = mapExplanationOfBenefit(pharmacyEob('e6', 'p1'), 1);
    const adjusted = mapExplanationOfBenefit(
      pharmacyEob('e6', 'p1', {
        meta: { lastUpdated: '2026-02-01T00:00:00Z' },
        item: [
          {
            sequence: 1,
            servicedDate: '2026-01-05',
            productOrService: { coding: [{ code: '00406051201' }] },
            quantity: { value: 30 },
          },
        ],
      }),
      2,
    );
    const resent = mapExplanationOfBenefit(
      pharmacyEob('e6', 'p1', { meta: { lastUpdated: '2026-03-01T00:00:00Z' } }),
      3,
    );
    if (original.kind !== 'pharmacy' || adjusted.kind !== 'pharmacy' || resent.kind !== 'pharmacy')
      throw new Error();
    expect(adjusted.rx.claim_id).toBe(original.rx.claim_id);
    expect(adjusted.rx.content_hash).not.toBe(original.rx.content_hash);
    expect(resent.rx.content_hash).toBe(original.rx.content_hash);
  });

  it('rejects a negative quantity, a zero days supply, an unparseable date and a missing patient by field', () => {
    expect(
      rowErrorOf(() =>
        mapExplanationOfBenefit(
          pharmacyEob('x', 'p1', {
            item: [
              {
                sequence: 1,
                servicedDate: '2026-01-05',
                productOrService: { coding: [{ code: '00406051201' }] },
                quantity: { value: -5 },
              },
            ],
          }),
          1,
        ),
      ),
    ).toMatchObject({ field: 'item[0].quantity' });
    expect(
      rowErrorOf(() =>
        mapExplanationOfBenefit(
          pharmacyEob('x', 'p1', {
            supportingInfo: [{ category: { coding: [{ code: 'dayssupply' }] }, valueQuantity: { value: 0 } }],
          }),
          1,
        ),
      ),
    ).toMatchObject({ field: 'supportingInfo.dayssupply' });
    expect(
      rowErrorOf(() =>
        mapExplanationOfBenefit(
          professionalEob('x', 'p1', {
            billablePeriod: { start: '2026-02-30' },
          }),
          1,
        ),
      ),
    ).toMatchObject({ field: 'billablePeriod.start', reason: 'no such date 2026-02-30' });
    expect(
      rowErrorOf(() => mapExplanationOfBenefit(professionalEob('x', 'p1', { patient: undefined }), 1)),
    ).toEqual({ field: 'patient', reason: 'missing' });
  });
});
