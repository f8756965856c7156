import type { AuditEventView } from './search-audit-events.ts';

// FHIR R4 AuditEvent (http://hl7.org/fhir/R4/auditevent.html) and its value sets.
const actionCode: Record<string, 'C' | 'R' | 'U' | 'D' | 'E'> = {
  create: 'C',
  read: 'R',
  search: 'E',
  update: 'U',
  delete: 'D',
};
const purposeCode: Record<string, string> = {
  treatment: 'TREAT',
  payment: 'HPAYMT',
  operations: 'HOPERAT',
  disclosure: 'TREAT',
  security: 'HSYSADMIN',
  'member-access': 'PATRQT',
};

/** One audit record as a FHIR R4 AuditEvent resource. */
export function toFhirAuditEvent(e: AuditEventView): Record<string, unknown> {
  const entity: Array<Record<string, unknown>> = [];
  if (e.memberId)
    entity.push({
      what: { identifier: { system: 'urn:checkpoint:member-id', value: e.memberId } },
      type: {
        system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
        code: '1',
        display: 'Person',
      },
      role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '1', display: 'Patient' },
    });
  entity.push({
    what: e.resourceId ? { reference: `${e.resourceType}/${e.resourceId}` } : { display: e.resourceType },
    type: {
      system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
      code: '2',
      display: 'System Object',
    },
  });
  return {
    resourceType: 'AuditEvent',
    id: String(e.seq),
    type: {
      system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
      code: 'rest',
      display: 'RESTful Operation',
    },
    subtype: [{ system: 'urn:checkpoint:audit-action', code: e.action }],
    action: actionCode[e.action] ?? 'E',
    recorded: e.occurredAt,
    // 0 success, 4 minor failure (refused), 8 serious failure.
    outcome: e.outcome === 'success' ? '0' : e.outcome === 'denied' ? '4' : '8',
    ...(e.detail && e.outcome !== 'success' ? { outcomeDesc: e.detail } : {}),
    purposeOfEvent: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
            code: purposeCode[e.purpose] ?? 'HOPERAT',
          },
        ],
      },
    ],
    agent: [
      {
        who: e.actorId
          ? {
              identifier: { system: 'urn:checkpoint:user-id', value: e.actorId },
              display: e.actorUsername ?? undefined,
            }
          : { display: 'anonymous' },
        requestor: true,
        ...(e.actorRole ? { role: [{ text: e.actorRole }] } : {}),
      },
    ],
    source: {
      observer: { display: 'Checkpoint' },
      type: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/security-source-type',
          code: '4',
          display: 'Application Server',
        },
      ],
    },
    entity,
    extension: [
      { url: 'urn:checkpoint:audit-hash', valueString: e.hash },
      ...(e.requestId ? [{ url: 'urn:checkpoint:request-id', valueString: e.requestId }] : []),
    ],
  };
}
