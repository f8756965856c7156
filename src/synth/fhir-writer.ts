import { formatDay } from './dates.ts';
import { systems } from './fhir-systems.ts';
import type { Amounts, Claim, EnrollmentSpan, Member, Provider } from './model.ts';

/**
 * Renders the model as FHIR R4 resources in the CARIN Blue Button shape,
 * one JSON document per NDJSON line. Money in USD with cents.
 */
const coding = (system: string, code: string, display?: string) => ({
  coding: [display ? { system, code, display } : { system, code }],
});

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

/*
 * EOBs are most of the output (millions of lines), so they are assembled as
 * strings from cached JSON fragments rather than built as objects and
 * stringified: same JSON, several times faster, far less garbage. Every
 * variable string still goes through JSON.stringify.
 */
const q = (text: string) => JSON.stringify(text);
const codingCache = new Map<string, string>();

/** `{"coding":[{"system":…,"code":…}]}`, cached per system and code. */
function cc(system: string, code: string): string {
  const key = `${system}|${code}`;
  let hit = codingCache.get(key);
  if (hit === undefined) {
    hit = `{"coding":[{"system":${q(system)},"code":${q(code)}}]}`;
    if (codingCache.size < 50_000) codingCache.set(key, hit);
  }
  return hit;
}

const money = (cents: number) => `{"value":${cents / 100},"currency":"USD"}`;
const npiJson = (npi: string) => `{"identifier":{"system":"${systems.npi}","value":${q(npi)}}}`;
const category = (code: string, system: string = systems.adjudication) =>
  `{"category":${cc(system, code)},"amount":`;
const submitted = category('submitted');
const eligible = category('eligible');
const deductible = category('deductible');
const copay = category('copay');
const coinsurance = category('coinsurance', systems.carinAdjudication);
const benefit = category('benefit');

/** Claim totals in CARIN adjudication categories; a zero member share is left out (zero is implied). */
function adjudication(a: Amounts): string {
  let out = `[${submitted}${money(a.charge)}},${eligible}${money(a.allowed)}}`;
  if (a.deductible > 0) out += `,${deductible}${money(a.deductible)}}`;
  if (a.copay > 0) out += `,${copay}${money(a.copay)}}`;
  if (a.coinsurance > 0) out += `,${coinsurance}${money(a.coinsurance)}}`;
  return `${out},${benefit}${money(a.paid)}}]`;
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

function productSystem(code: string): string {
  if (/^\d{11}$/.test(code)) return systems.ndc;
  return /^\d{4}[0-9A-Z]$/.test(code) ? systems.cpt : systems.hcpcs;
}

const notApplicable = cc('http://terminology.hl7.org/CodeSystem/data-absent-reason', 'not-applicable');
const principal = `[${cc(systems.diagnosisType, 'principal')}]`;
const daysSupplyCategory = cc(systems.supportingInfoType, 'dayssupply');
const admtypeCategory = cc(systems.supportingInfoType, 'admtype');
const typeofbillCategory = cc(systems.supportingInfoType, 'typeofbill');
const ucType = cc(systems.carinIdentifierType, 'uc');

/**
 * An ExplanationOfBenefit for one claim version: claim id as the `uc`
 * identifier, status `cancelled` for a reversal, a resource id per version.
 */
export function eobResource(claim: Claim, member: Member): string {
  const id = claim.version === 1 ? claim.claimId : `${claim.claimId}-v${claim.version}`;
  const paid = formatDay(claim.paidDay);
  const head =
    `{"resourceType":"ExplanationOfBenefit","id":${q(id)},"meta":{"lastUpdated":"${paid}T12:00:00Z"},` +
    `"identifier":[{"type":${ucType},"system":"${systems.claimId}","value":${q(claim.claimId)}}],` +
    `"status":"${claim.reversed ? 'cancelled' : 'active'}",`;
  const patient = `"patient":{"reference":${q(`Patient/${member.personId}`)}}`;
  const insurer = `"insurer":{"display":${q(claim.plan.payer)}}`;
  const insurance = `"insurance":[{"focal":true,"coverage":{"reference":${q(`Coverage/${claim.coverageId}`)}}}]`;
  if (claim.kind === 'pharmacy') {
    const fill = formatDay(claim.fillDay);
    return (
      `${head}"type":${cc(systems.claimType, 'pharmacy')},"use":"claim",${patient},` +
      `"billablePeriod":{"start":"${fill}","end":"${fill}"},"created":"${fill}T00:00:00Z",${insurer},` +
      `"provider":${npiJson(claim.pharmacyNpi)},"outcome":"complete",` +
      `"careTeam":[{"sequence":1,"provider":${npiJson(claim.prescriberNpi)},"role":${cc(systems.careTeamRole, 'prescribing')}}],` +
      `"supportingInfo":[{"sequence":1,"category":${daysSupplyCategory},"valueQuantity":{"value":${claim.daysSupply},"unit":"d","system":"${systems.unitsOfMeasure}","code":"d"}}],` +
      `${insurance},"item":[{"sequence":1,"careTeamSequence":[1],"productOrService":${cc(systems.ndc, claim.ndc)},` +
      `"servicedDate":"${fill}","quantity":{"value":${claim.quantity}}}],` +
      `"total":${adjudication(claim.amounts)},"payment":{"date":"${paid}","amount":${money(claim.amounts.paid)}}}`
    );
  }
  const start = formatDay(claim.startDay);
  const institutional = claim.claimType === 'institutional';
  const info: string[] = [];
  if (claim.admissionType) {
    info.push(
      `{"sequence":${info.length + 1},"category":${admtypeCategory},"code":${cc(systems.admissionType, claim.admissionType)}}`,
    );
  }
  if (claim.billType) {
    info.push(
      `{"sequence":${info.length + 1},"category":${typeofbillCategory},"code":${cc(systems.typeOfBill, claim.billType)}}`,
    );
  }
  const renderers: string[] = [];
  for (const line of claim.lines)
    if (line.renderingNpi && !renderers.includes(line.renderingNpi)) renderers.push(line.renderingNpi);
  const role = cc(systems.careTeamRole, institutional ? 'attending' : 'rendering');
  const careTeam = renderers.map(
    (npi, i) => `{"sequence":${i + 1},"provider":${npiJson(npi)},"role":${role}}`,
  );
  const diagnosis = claim.diagnoses.map(
    (code, i) =>
      `{"sequence":${i + 1},"diagnosisCodeableConcept":${cc(systems.icd10cm, code)}${i === 0 ? `,"type":${principal}` : ''}}`,
  );
  const items = claim.lines.map((line, i) => {
    let item = `{"sequence":${i + 1}`;
    if (line.renderingNpi) item += `,"careTeamSequence":[${renderers.indexOf(line.renderingNpi) + 1}]`;
    if (line.revenueCode) item += `,"revenue":${cc(systems.revenue, line.revenueCode)}`;
    item += `,"productOrService":${line.procedureCode ? cc(productSystem(line.procedureCode), line.procedureCode) : notApplicable}`;
    item +=
      line.endDay > line.serviceDay
        ? `,"servicedPeriod":{"start":"${formatDay(line.serviceDay)}","end":"${formatDay(line.endDay)}"}`
        : `,"servicedDate":"${formatDay(line.serviceDay)}"`;
    if (line.placeOfService)
      item += `,"locationCodeableConcept":${cc(systems.placeOfService, line.placeOfService)}`;
    return `${item},"quantity":{"value":${line.units}},"adjudication":[${benefit}${money(line.amounts.paid)}}]}`;
  });
  const total = sumAmounts(claim.lines.map((l) => l.amounts));
  return (
    `${head}"type":${cc(systems.claimType, claim.claimType)},` +
    (institutional && claim.setting ? `"subType":${cc(systems.institutionalSubType, claim.setting)},` : '') +
    `"use":"claim",${patient},"billablePeriod":{"start":"${start}","end":"${formatDay(claim.endDay)}"},` +
    `"created":"${start}T00:00:00Z",${insurer},"provider":${npiJson(claim.billingNpi)},"outcome":"complete",` +
    (careTeam.length > 0 ? `"careTeam":[${careTeam.join(',')}],` : '') +
    (info.length > 0 ? `"supportingInfo":[${info.join(',')}],` : '') +
    `"diagnosis":[${diagnosis.join(',')}],${insurance},"item":[${items.join(',')}],` +
    `"total":${adjudication(total)},"payment":{"date":"${paid}","amount":${money(total.paid)}}}`
  );
}
