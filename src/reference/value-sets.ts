/**
 * Code sets of RISK-RULES §3, as data. ICD-10-CM codes are stored without the dot.
 * A set is a list of prefixes (`F11` matches every F11 code) with exceptions, or
 * a list of exact codes. The risk SQL and the Part 2 labeler read these; nothing
 * else spells codes out.
 */
export interface PrefixSet {
  kind: 'prefix';
  name: string;
  include: readonly string[];
  exclude: readonly string[];
  source: string;
}

export interface ExactSet {
  kind: 'exact';
  name: string;
  codes: readonly string[];
  source: string;
}

export type CodeSet = PrefixSet | ExactSet;

const range = (prefix: string, from: number, to: number, width: number, suffix = ''): string[] =>
  Array.from(
    { length: to - from + 1 },
    (_, i) => `${prefix}${String(from + i).padStart(width, '0')}${suffix}`,
  );

/** Opioid overdose: poisoning intents 1–4 (accidental, intentional self-harm, assault, undetermined), initial encounter. */
const overdoseStems = [
  'T400X',
  'T401X',
  'T402X',
  'T403X',
  'T404X',
  'T4041',
  'T4042',
  'T4049',
  'T4060',
  'T4069',
];

export const diagnosisSets = {
  oud: {
    kind: 'prefix',
    name: 'OUD',
    include: ['F11'],
    exclude: [],
    source: 'CDC opioid CDS value set opioid-misuse-disorders',
  },
  opioidOverdose: {
    kind: 'exact',
    name: 'opioid overdose',
    codes: overdoseStems.flatMap((stem) => [1, 2, 3, 4].map((intent) => `${stem}${intent}A`)),
    source: 'NCHS opioid codes; CDC surveillance guidance (initial encounters, intents 1–4)',
  },
  otherSud: {
    kind: 'prefix',
    name: 'other SUD',
    include: ['F10', 'F12', 'F13', 'F14', 'F15', 'F16', 'F18', 'F19'],
    exclude: [],
    source: 'ICD-10-CM chapter F1x less opioids (F11) and nicotine (F17)',
  },
  cancer: {
    kind: 'prefix',
    name: 'exclusion: cancer',
    include: range('C', 0, 96, 2),
    exclude: ['C44'],
    source: 'PQA exclusions',
  },
  sickleCell: {
    kind: 'prefix',
    name: 'exclusion: sickle cell',
    include: ['D57'],
    exclude: ['D573'],
    source: 'PQA exclusions',
  },
  hospiceDiagnosis: {
    kind: 'prefix',
    name: 'exclusion: hospice / palliative (diagnosis)',
    include: ['Z515'],
    exclude: [],
    source: 'PQA / CMS exemptions',
  },
} as const satisfies Record<string, CodeSet>;

export const edVisit = {
  revenueCodes: ['0450', '0451', '0452', '0459', '0981'],
  procedureCodes: [...range('9928', 1, 5, 1), ...range('G038', 0, 4, 1)],
  placesOfService: ['23'],
  source: 'ResDAC; the Tuva Project ED service category',
} as const;

export const emergencyTransport = {
  procedureCodes: ['A0427', 'A0429', 'A0433', 'A0434'],
  source: 'emergency ambulance HCPCS',
} as const;

/** UB-04 priority (type) of admission: 1 = emergency. */
export const emergencyAdmissionType = '1';

export const hospiceService = {
  placesOfService: ['34'],
  revenueCodes: range('065', 0, 9, 1),
  procedureCodes: range('Q50', 1, 10, 2),
  source: 'PQA / CMS exemptions',
} as const;

/** Opioid treatment program services (MOUD on medical claims). */
export const otpServices = {
  procedureCodes: ['H0020', ...range('G', 2067, 2080, 4)],
  source: 'HCPCS H0020; CMS OTP bundles G2067–G2080',
} as const;

/** Whether an ICD-10-CM code (any punctuation, any case) belongs to a code set. */
export function inCodeSet(set: CodeSet, code: string): boolean {
  const c = normalizeIcd10(code);
  if (set.kind === 'exact') return set.codes.includes(c);
  return set.include.some((p) => c.startsWith(p)) && !set.exclude.some((p) => c.startsWith(p));
}

/** ICD-10-CM as stored: no dot, upper case, trimmed. */
export function normalizeIcd10(code: string): string {
  return code.replace(/\./g, '').trim().toUpperCase();
}
