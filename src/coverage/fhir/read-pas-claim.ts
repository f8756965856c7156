import { z } from 'zod';
import { type Issue, issuesFromZod } from '../../platform/errors.ts';
import type { AuthorizationRequestInput } from '../preauth/authorization.ts';
import { levelsOfCare } from '../preauth/levels-of-care.ts';
import { systems } from './pas-codes.ts';

const coding = z.object({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
const concept = z.object({ coding: z.array(coding).optional(), text: z.string().optional() });
const identifier = z.object({
  system: z.string().optional(),
  value: z.string().optional(),
  type: concept.optional(),
});
const reference = z.object({
  reference: z.string().optional(),
  identifier: identifier.optional(),
  display: z.string().optional(),
});
const period = z.object({ start: z.string().optional(), end: z.string().optional() });

const claimSchema = z.object({
  resourceType: z.literal('Claim'),
  id: z.string().optional(),
  identifier: z.array(identifier).optional(),
  status: z.literal('active', { error: 'a submitted Claim must be active' }),
  use: z.literal('preauthorization', { error: 'Claim/$submit takes a Claim with use = preauthorization' }),
  patient: reference,
  provider: reference,
  priority: concept.optional(),
  insurance: z.array(z.object({ coverage: reference })).optional(),
  diagnosis: z
    .array(z.object({ diagnosisCodeableConcept: concept }))
    .min(1, 'give at least one ICD-10-CM diagnosis'),
  item: z
    .array(
      z.object({
        sequence: z.number().int().positive(),
        productOrService: concept,
        quantity: z.object({ value: z.number() }).optional(),
        servicedDate: z.string().optional(),
        servicedPeriod: period.optional(),
      }),
    )
    .min(1, 'give at least one item'),
  supportingInfo: z
    .array(
      z.object({
        category: concept,
        timingDate: z.string().optional(),
        valueString: z.string().optional(),
        valueBoolean: z.boolean().optional(),
        valueQuantity: z
          .object({ value: z.number(), unit: z.string().optional(), code: z.string().optional() })
          .optional(),
      }),
    )
    .optional(),
});
export type PasClaim = z.output<typeof claimSchema>;

type Resource = { resourceType?: unknown; id?: unknown } & Record<string, unknown>;

/** The Claim in a body that is a Claim or a Bundle whose first entry is the Claim, with the bundle's other resources. */
function unwrap(body: unknown): { claim: unknown; others: Resource[]; issues: Issue[] } {
  const b = (body ?? {}) as Resource;
  if (b.resourceType === 'Bundle') {
    const entries = Array.isArray(b.entry) ? (b.entry as Array<{ resource?: Resource }>) : [];
    const first = entries[0]?.resource;
    if (first?.resourceType !== 'Claim')
      return {
        claim: null,
        others: [],
        issues: [
          { path: 'Bundle.entry[0].resource', message: 'the first entry of the Bundle must be the Claim' },
        ],
      };
    return {
      claim: first,
      others: entries.slice(1).flatMap((e) => (e.resource ? [e.resource] : [])),
      issues: [],
    };
  }
  if (b.resourceType !== 'Claim')
    return {
      claim: null,
      others: [],
      issues: [{ path: 'resourceType', message: 'send a Claim, or a Bundle whose first entry is the Claim' }],
    };
  return { claim: b, others: [], issues: [] };
}

const resolve = (
  ref: { reference?: string | undefined } | undefined,
  others: Resource[],
): Resource | undefined => {
  const [type, id] = ref?.reference?.split('/') ?? [];
  return others.find((r) => r.resourceType === type && r.id === id);
};
const identifiersOf = (r: Resource | undefined) =>
  (Array.isArray(r?.identifier) ? r.identifier : []) as Array<z.output<typeof identifier>>;

const categoryOf = (info: { category: z.output<typeof concept> }) =>
  info.category.coding?.find((c) => c.system === systems.checkpointInfo)?.code;

/**
 * Reads a Da Vinci PAS Claim (or a Bundle whose first entry is the Claim) into a
 * preauthorization request input; problems come back as issues with FHIRPath-like
 * paths, for an OperationOutcome. The plan id may be missing: the caller looks it up.
 */
export function readPasClaim(body: unknown):
  | {
      ok: true;
      request: Omit<AuthorizationRequestInput, 'planId'> & { planId?: string };
      claimId: string | null;
    }
  | { ok: false; issues: Issue[] } {
  const { claim, others, issues } = unwrap(body);
  if (issues.length > 0) return { ok: false, issues };
  const parsed = claimSchema.safeParse(claim);
  if (!parsed.success)
    return {
      ok: false,
      issues: issuesFromZod(parsed.error.issues).map((i) => ({ ...i, path: `Claim.${i.path}` })),
    };
  const c = parsed.data;
  const problems: Issue[] = [];

  const patient = resolve(c.patient, others);
  const memberId =
    identifiersOf(patient).find((i) => i.type?.coding?.some((t) => t.code === 'MB'))?.value ??
    c.patient.identifier?.value ??
    (typeof patient?.id === 'string' ? patient.id : c.patient.reference?.match(/^Patient\/(.+)$/)?.[1]);
  if (!memberId)
    problems.push({
      path: 'Claim.patient',
      message: 'name the member: Patient/<member id> or an identifier',
    });

  const org = resolve(c.provider, others);
  const npi = [c.provider.identifier, ...identifiersOf(org)].find((i) => i?.system === systems.npi)?.value;
  if (!npi)
    problems.push({
      path: 'Claim.provider',
      message: `the facility needs an NPI identifier (${systems.npi})`,
    });
  const facilityName =
    (typeof org?.name === 'string' ? org.name : undefined) ?? c.provider.display ?? 'Facility';

  const coverage = resolve(c.insurance?.[0]?.coverage, others);
  const coverageClasses = (Array.isArray(coverage?.class) ? coverage.class : []) as Array<{
    type?: z.output<typeof concept>;
    value?: string;
  }>;
  const planId =
    coverageClasses.find((k) => k.type?.coding?.some((t) => t.code === 'plan'))?.value ??
    c.insurance?.[0]?.coverage.identifier?.value;

  const codes = c.item.map((it) => it.productOrService.coding?.[0]?.code ?? '');
  const level = levelsOfCare.find((l) => codes.every((code) => l.procedureCodes.includes(code)));
  if (!level)
    problems.push({
      path: 'Claim.item',
      message: `items must be one level of care: ${levelsOfCare.map((l) => `${l.procedureCodes.join('/')} (${l.name})`).join('; ')}`,
    });

  const info = c.supportingInfo ?? [];
  const find = (code: string) => info.find((i) => categoryOf(i) === code);
  const assessment = find('face-to-face-assessment');
  if (!assessment?.timingDate)
    problems.push({
      path: 'Claim.supportingInfo',
      message: 'give the face-to-face-assessment with its timingDate',
    });
  const score = find('withdrawal-score')?.valueQuantity;
  const flag = (code: string) => find(code)?.valueBoolean;
  const priorityCode = c.priority?.coding?.find((p) => p.system === systems.processPriority)?.code;

  if (problems.length > 0 || !memberId || !npi || !level || !assessment?.timingDate)
    return { ok: false, issues: problems };
  const request = {
    memberId,
    ...(planId ? { planId } : {}),
    facility: { npi, name: facilityName },
    levelOfCare: level.id,
    priority:
      priorityCode === 'stat' || priorityCode === 'urgent' ? ('expedited' as const) : ('standard' as const),
    diagnosisCodes: c.diagnosis.flatMap(
      (d) => d.diagnosisCodeableConcept.coding?.map((x) => x.code ?? '') ?? [],
    ),
    services: c.item.map((it, i) => ({
      code: codes[i] ?? '',
      units: it.quantity?.value ?? 1,
      startDate: (it.servicedPeriod?.start ?? it.servicedDate ?? '').slice(0, 10),
      endDate: (it.servicedPeriod?.end ?? it.servicedDate ?? '').slice(0, 10),
    })),
    assessment: {
      faceToFace: true,
      date: assessment.timingDate.slice(0, 10),
      assessedBy: assessment.valueString ?? 'not stated',
      ...(score
        ? {
            withdrawalScore: {
              scale: (score.code ?? score.unit) === 'CIWA-B' ? ('CIWA-B' as const) : ('COWS' as const),
              value: score.value,
            },
          }
        : {}),
      ...(flag('medical-complications-require-inpatient') === undefined
        ? {}
        : {
            medicalComplicationsRequireInpatient: flag('medical-complications-require-inpatient') as boolean,
          }),
      ...(flag('stable-living-environment') === undefined
        ? {}
        : { stableLivingEnvironment: flag('stable-living-environment') as boolean }),
      ...(flag('committed-to-treatment') === undefined
        ? {}
        : { committedToTreatment: flag('committed-to-treatment') as boolean }),
    },
    clinicalSummary: find('clinical-summary')?.valueString ?? '',
    treatmentPlan: find('treatment-plan')?.valueString ?? '',
  };
  const claimId = c.identifier?.[0]?.value ?? c.id ?? null;
  return { ok: true, request, claimId };
}
