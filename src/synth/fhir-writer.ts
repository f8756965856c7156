import { formatDay } from './dates.ts';
import { systems } from './fhir-systems.ts';
import type { Amounts, Claim, EnrollmentSpan, Member, Provider } from './model.ts';

/**
 * Renders the model as FHIR R4 resources in the CARIN Blue Button shape of
 * INTERFACES.md, one JSON document per NDJSON line. Money in USD with cents.
 */
const usd = (cents: number) => ({ value: cents / 100, currency: 'USD' });
const coding = (system: string, code: string, display?: string) => ({
  coding: [display ? { system, code, display } : { system, code }],
});
const npiRef = (npi: string) => ({ identifier: { system: systems.npi, value: npi } });

function address(
  p: { addressLine: string; city: string; state: string; zip: string },
  district: string | null,
) {
  return {
    line: [p.addressLine],
    city: p.city,
    ...(district ? { district } : {}),
    state: p.state,
    postalCode: p.zip,
    country: 'US',
  };
}

/** A Practitioner or Organization resource for a provider. */
export function providerResource(provider: Provider): string {
  const identifier = [{ system: systems.npi, value: provider.npi }];
  if (provider.kind === 'practitioner') {
    return JSON.stringify({
      resourceType: 'Practitioner',
      id: `npi-${provider.npi}`,
      identifier,
      active: true,
      name: [{ family: provider.family, given: [provider.given ?? ''], prefix: ['Dr.'] }],
      address: [address(provider, null)],
      ...(provider.specialty ? { qualification: [{ code: { text: provider.specialty } }] } : {}),
    });
  }
  return JSON.stringify({
    resourceType: 'Organization',
    id: `npi-${provider.npi}`,
    identifier,
    active: true,
    type: [{ text: provider.kind }],
    name: provider.family,
    address: [address(provider, null)],
  });
}

/** The Patient resource: member id as the MB identifier, county FIPS in address.district. */
export function patientResource(member: Member): string {
  return JSON.stringify({
    resourceType: 'Patient',
    id: member.personId,
    identifier: [
      {
        type: coding(systems.identifierType, 'MB', 'Member Number'),
        system: systems.memberId,
        value: member.memberId,
      },
    ],
    name: [{ family: member.lastName, given: [member.firstName] }],
    telecom: [{ system: 'phone', value: member.phone, use: 'home' }],
    gender: member.gender,
    birthDate: formatDay(member.birthDay),
    address: [address(member, member.countyFips)],
  });
}

/** One Coverage resource per enrollment span. */
export function coverageResource(member: Member, span: EnrollmentSpan, index: number): string {
  const { plan } = span;
  return JSON.stringify({
    resourceType: 'Coverage',
    id: `cov-${member.memberId}-${index + 1}`,
    status: 'active',
    type: coding(systems.sopt, plan.sopt),
    subscriberId: member.memberId,
    beneficiary: { reference: `Patient/${member.personId}` },
    relationship: coding('http://terminology.hl7.org/CodeSystem/subscriber-relationship', 'self'),
    period: { start: formatDay(span.start), end: formatDay(span.end) },
    payor: [{ display: plan.payer }],
    class: [
      {
        type: coding(systems.coverageClass, 'plan'),
        value: plan.planId,
        name: plan.name,
      },
    ],
  });
}

function adjudication(a: Amounts) {
  return [
    { category: coding(systems.adjudication, 'submitted'), amount: usd(a.charge) },
    { category: coding(systems.adjudication, 'eligible'), amount: usd(a.allowed) },
    { category: coding(systems.adjudication, 'deductible'), amount: usd(a.deductible) },
    { category: coding(systems.adjudication, 'copay'), amount: usd(a.copay) },
    { category: coding(systems.carinAdjudication, 'coinsurance'), amount: usd(a.coinsurance) },
    { category: coding(systems.adjudication, 'benefit'), amount: usd(a.paid) },
  ];
}

function sumAmounts(all: readonly Amounts[]): Amounts {
  const total: Amounts = { charge: 0, allowed: 0, paid: 0, deductible: 0, copay: 0, coinsurance: 0 };
  for (const a of all) {
    total.charge += a.charge;
    total.allowed += a.allowed;
    total.paid += a.paid;
    total.deductible += a.deductible;
    total.copay += a.copay;
    total.coinsurance += a.coinsurance;
  }
  return total;
}

function productOrService(code: string) {
  if (/^\d{11}$/.test(code)) return coding(systems.ndc, code);
  return coding(/^\d{4}[0-9A-Z]$/.test(code) && /^\d/.test(code) ? systems.cpt : systems.hcpcs, code);
}

/**
 * An ExplanationOfBenefit for one claim version: claim id as the `uc`
 * identifier, status `cancelled` for a reversal, a resource id per version.
 */
export function eobResource(claim: Claim, member: Member): string {
  const id = claim.version === 1 ? claim.claimId : `${claim.claimId}-v${claim.version}`;
  const common = {
    resourceType: 'ExplanationOfBenefit',
    id,
    meta: { lastUpdated: `${formatDay(claim.paidDay)}T12:00:00Z` },
    identifier: [
      {
        type: coding(systems.carinIdentifierType, 'uc', 'Unique Claim ID'),
        system: systems.claimId,
        value: claim.claimId,
      },
    ],
    status: claim.reversed ? 'cancelled' : 'active',
  };
  const patient = { reference: `Patient/${member.personId}` };
  const insurer = { display: claim.plan.payer };
  const insurance = [{ focal: true, coverage: { reference: `Coverage/${claim.coverageId}` } }];
  if (claim.kind === 'pharmacy') {
    const fill = formatDay(claim.fillDay);
    return JSON.stringify({
      ...common,
      type: coding(systems.claimType, 'pharmacy'),
      use: 'claim',
      patient,
      billablePeriod: { start: fill, end: fill },
      created: `${fill}T00:00:00Z`,
      insurer,
      provider: npiRef(claim.pharmacyNpi),
      outcome: 'complete',
      careTeam: [
        {
          sequence: 1,
          provider: npiRef(claim.prescriberNpi),
          role: coding(systems.careTeamRole, 'prescribing'),
        },
      ],
      supportingInfo: [
        {
          sequence: 1,
          category: coding(systems.supportingInfoType, 'dayssupply'),
          valueQuantity: { value: claim.daysSupply, unit: 'days', system: systems.unitsOfMeasure, code: 'd' },
        },
      ],
      insurance,
      item: [
        {
          sequence: 1,
          careTeamSequence: [1],
          productOrService: coding(systems.ndc, claim.ndc),
          servicedDate: fill,
          quantity: { value: claim.quantity },
          adjudication: adjudication(claim.amounts),
        },
      ],
      total: adjudication(claim.amounts),
      payment: { date: formatDay(claim.paidDay), amount: usd(claim.amounts.paid) },
    });
  }
  const start = formatDay(claim.startDay);
  const institutional = claim.claimType === 'institutional';
  const supportingInfo: object[] = [];
  if (claim.admissionType) {
    supportingInfo.push({
      sequence: supportingInfo.length + 1,
      category: coding(systems.supportingInfoType, 'admtype'),
      code: coding(systems.admissionType, claim.admissionType),
    });
  }
  if (claim.billType) {
    supportingInfo.push({
      sequence: supportingInfo.length + 1,
      category: coding(systems.supportingInfoType, 'typeofbill'),
      code: coding(systems.typeOfBill, claim.billType),
    });
  }
  const renderers = [
    ...new Set(claim.lines.map((l) => l.renderingNpi).filter((n): n is string => n !== null)),
  ];
  return JSON.stringify({
    ...common,
    type: coding(systems.claimType, claim.claimType),
    ...(institutional && claim.setting
      ? { subType: coding(systems.institutionalSubType, claim.setting) }
      : {}),
    use: 'claim',
    patient,
    billablePeriod: { start, end: formatDay(claim.endDay) },
    created: `${start}T00:00:00Z`,
    insurer,
    provider: npiRef(claim.billingNpi),
    outcome: 'complete',
    ...(renderers.length > 0
      ? {
          careTeam: renderers.map((npi, i) => ({
            sequence: i + 1,
            provider: npiRef(npi),
            role: coding(systems.careTeamRole, institutional ? 'attending' : 'rendering'),
          })),
        }
      : {}),
    ...(supportingInfo.length > 0 ? { supportingInfo } : {}),
    diagnosis: claim.diagnoses.map((code, i) => ({
      sequence: i + 1,
      diagnosisCodeableConcept: coding(systems.icd10cm, code),
      type: [coding(systems.diagnosisType, i === 0 ? 'principal' : 'secondary')],
    })),
    insurance,
    item: claim.lines.map((line, i) => ({
      sequence: i + 1,
      ...(line.renderingNpi ? { careTeamSequence: [renderers.indexOf(line.renderingNpi) + 1] } : {}),
      ...(line.revenueCode ? { revenue: coding(systems.revenue, line.revenueCode) } : {}),
      productOrService: line.procedureCode
        ? productOrService(line.procedureCode)
        : {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'not-applicable' },
            ],
          },
      ...(line.endDay > line.serviceDay
        ? { servicedPeriod: { start: formatDay(line.serviceDay), end: formatDay(line.endDay) } }
        : { servicedDate: formatDay(line.serviceDay) }),
      ...(line.placeOfService
        ? { locationCodeableConcept: coding(systems.placeOfService, line.placeOfService) }
        : {}),
      quantity: { value: line.units },
      adjudication: adjudication(line.amounts),
    })),
    total: adjudication(sumAmounts(claim.lines.map((l) => l.amounts))),
    payment: {
      date: formatDay(claim.paidDay),
      amount: usd(sumAmounts(claim.lines.map((l) => l.amounts)).paid),
    },
  });
}
