import type { ConsentRow } from './consent-store.ts';
import { type ShareCategory, shareCategoryLabels } from './share-categories.ts';
import type { RelatedPersonRow } from './support-network-store.ts';

type Resource = Record<string, unknown> & { resourceType: string; id: string };
const shareSystem = 'https://checkpoint.example.org/fhir/CodeSystem/share-category';
const roleCode = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';

/** Relationships as people say them, each with its HL7 v3 RoleCode. */
export const relationships = {
  parent: 'PRN',
  spouse_or_partner: 'SIGOTHR',
  child: 'CHILD',
  sibling: 'SIB',
  other_family: 'FAMMEMB',
  friend: 'FRND',
  peer_or_sponsor: '',
  other: '',
} as const;
export type Relationship = keyof typeof relationships;

/** A supporter as a FHIR RelatedPerson. */
export function toFhirRelatedPerson(p: RelatedPersonRow): Resource {
  const code = relationships[p.relationship as Relationship];
  return {
    resourceType: 'RelatedPerson',
    id: p.related_person_id,
    active: p.active,
    patient: { reference: `Patient/${p.member_id}` },
    relationship: [
      {
        ...(code ? { coding: [{ system: roleCode, code }] } : {}),
        text: p.relationship.replaceAll('_', ' '),
      },
    ],
    name: [{ text: p.name }],
    ...(p.phone || p.email
      ? {
          telecom: [
            ...(p.phone ? [{ system: 'phone', value: p.phone }] : []),
            ...(p.email ? [{ system: 'email', value: p.email }] : []),
          ],
        }
      : {}),
  };
}

const purposeCode: Record<ConsentRow['purpose'], string> = {
  treatment: 'TREAT',
  payment: 'HPAYMT',
  operations: 'HOPERAT',
  'care-coordination': 'CAREMGT',
  family: 'FAMRQT',
};

/** Who receives under a consent: a named supporter, a facility, a prescriber by NPI, or a person by name. */
function recipientActor(recipient: string) {
  const [kind, value] = [
    recipient.slice(0, recipient.indexOf(':')),
    recipient.slice(recipient.indexOf(':') + 1),
  ];
  if (kind === 'related-person') return { reference: `RelatedPerson/${value}` };
  if (kind === 'npi' || kind === 'org')
    return { identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value }, display: recipient };
  return { display: value };
}

/**
 * A consent to disclose as a FHIR Consent (patient-privacy scope): who receives, for
 * what purpose, until when, whether SUD (Part 2) records are in it, and what is shared.
 */
export function toFhirConsent(c: ConsentRow): Resource {
  const active = c.revoked_at === null;
  return {
    resourceType: 'Consent',
    id: c.consent_id,
    status: active ? 'active' : 'inactive',
    scope: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }],
    },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
    patient: { reference: `Patient/${c.member_id}` },
    policy: [{ uri: 'https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2' }],
    provision: {
      type: 'permit',
      period: { start: c.start_date, ...(c.end_date ? { end: c.end_date } : {}) },
      actor: [
        {
          role: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }],
          },
          reference: recipientActor(c.recipient),
        },
      ],
      purpose: [
        { system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: purposeCode[c.purpose] },
      ],
      ...(c.covers_part2
        ? { securityLabel: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'SUD' }] }
        : {}),
      ...(c.shares
        ? {
            code: (c.shares as ShareCategory[]).map((s) => ({
              coding: [{ system: shareSystem, code: s }],
              text: shareCategoryLabels[s],
            })),
          }
        : {}),
    },
  };
}
