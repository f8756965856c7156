import { describe, expect, it } from 'vitest';
import { institutionalEob, pharmacyEob, professionalEob } from '../fhir-fixtures.ts';
import { RowError } from '../row-error.ts';
import { readClaimType } from './claim-types.ts';
import { mapExplanationOfBenefit } from './explanation-of-benefit.ts';
import { mapProviderResource } from './provider-resource.ts';

const c4bb = 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimType';
const c4bbEarlier = 'http://hl7.org/fhir/us/carin-bb/CodeSystem/carin-bb-claim-type';
const hl7 = 'http://terminology.hl7.org/CodeSystem/claim-type';
const bfd = 'https://bluebutton.cms.gov/resources/codesystem/eob-type';
const typed = (...coding: Array<{ system: string; code: string }>) => ({ coding });

/** A fixture EOB retyped as another payer codes it; `subType` dropped, as STU1 has none. */
function retyped<T extends Record<string, unknown>>(eob: T, type: unknown): T {
  const { subType: _dropped, ...rest } = eob;
  return { ...rest, type } as unknown as T;
}

describe('CARIN BB STU1, STU2 / 2.x and Blue Button 2.0 claim types', () => {
  it('reads STU1 facility and non-clinician claims in both STU1 systems, with the setting from the type', () => {
    for (const system of [c4bb, c4bbEarlier]) {
      const inpatient = mapExplanationOfBenefit(
        retyped(institutionalEob('s1', 'p1', 'inpatient'), typed({ system, code: 'inpatient-facility' })),
        1,
      );
      if (inpatient.kind !== 'medical') throw new Error('expected medical');
      expect(inpatient.claim).toMatchObject({ claim_type: 'institutional', setting: 'inpatient' });
      const outpatient = mapExplanationOfBenefit(
        retyped(institutionalEob('s2', 'p1', 'inpatient'), typed({ system, code: 'outpatient-facility' })),
        1,
      );
      if (outpatient.kind !== 'medical') throw new Error('expected medical');
      expect(outpatient.claim).toMatchObject({ claim_type: 'institutional', setting: 'outpatient' });
      const nonClinician = mapExplanationOfBenefit(
        retyped(professionalEob('s3', 'p1'), typed({ system, code: 'professional-nonclinician' })),
        1,
      );
      if (nonClinician.kind !== 'medical') throw new Error('expected medical');
      expect(nonClinician.claim.claim_type).toBe('professional');
      expect(
        mapExplanationOfBenefit(retyped(pharmacyEob('s4', 'p1'), typed({ system, code: 'pharmacy' })), 1)
          .kind,
      ).toBe('pharmacy');
    }
  });

  it('reads Blue Button 2.0 event types, preferring them to the HL7 code beside them', () => {
    expect(
      readClaimType(typed({ system: hl7, code: 'institutional' }, { system: bfd, code: 'INPATIENT' })),
    ).toEqual({
      use: 'institutional',
      setting: 'inpatient',
    });
    expect(readClaimType(typed({ system: bfd, code: 'CARRIER' }))).toEqual({ use: 'professional' });
    expect(readClaimType(typed({ system: bfd, code: 'DME' }))).toEqual({ use: 'professional' });
    expect(readClaimType(typed({ system: bfd, code: 'PDE' }))).toEqual({ use: 'pharmacy' });
    for (const code of ['SNF', 'HHA', 'HOSPICE'])
      expect(readClaimType(typed({ system: bfd, code }))).toEqual({ use: 'institutional', setting: null });
    const outpatient = mapExplanationOfBenefit(
      retyped(
        institutionalEob('b1', 'p1', 'inpatient'),
        typed({ system: hl7, code: 'institutional' }, { system: bfd, code: 'OUTPATIENT' }),
      ),
      1,
    );
    if (outpatient.kind !== 'medical') throw new Error('expected medical');
    expect(outpatient.claim.setting).toBe('outpatient');
  });

  it('keeps oral and vision claims as not used by the rules instead of rejecting them', () => {
    for (const [system, code] of [
      [hl7, 'oral'],
      [hl7, 'vision'],
      [c4bb, 'oral'],
    ] as const) {
      const rows = mapExplanationOfBenefit(retyped(professionalEob('o1', 'p1'), typed({ system, code })), 1);
      expect(rows).toEqual({ kind: 'unused', claimType: code });
    }
  });

  it('still rejects a claim type no version defines, naming it', () => {
    expect(() =>
      mapExplanationOfBenefit(
        retyped(professionalEob('x1', 'p1'), typed({ system: hl7, code: 'dental-ish' })),
        1,
      ),
    ).toThrow(RowError);
  });
});

describe('payer Organizations without an NPI', () => {
  it('are recognised as the payer, not rejected; a provider Organization or Practitioner still needs its NPI', () => {
    const payer = {
      resourceType: 'Organization',
      id: 'payer1',
      name: 'Plan',
      type: [{ coding: [{ code: 'pay' }] }],
    };
    expect(mapProviderResource(payer, 1)).toBeNull();
    const unnamed = {
      resourceType: 'Organization',
      id: 'payer2',
      identifier: [{ system: 'urn:plan', value: 'X' }],
    };
    expect(mapProviderResource(unnamed, 1)).toBeNull();
    expect(() => mapProviderResource({ resourceType: 'Practitioner', id: 'd1' }, 1)).toThrow(RowError);
    const badNpi = {
      resourceType: 'Organization',
      id: 'o1',
      identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '12' }],
    };
    expect(() => mapProviderResource(badNpi, 1)).toThrow(RowError);
  });
});
