/** One step of the guided call: what to say, what to keep in mind, and why the step is there. */
export interface ScriptSection {
  id: ScriptSectionId;
  title: string;
  /** Suggested words, warm and brief; the caller adapts them. */
  say: string[];
  /** Guidance for the caller only, never read to the member. */
  guidance: string[];
  /** Why this section is in this member's script (the situation that shaped it). */
  because: string[];
}

export type ScriptSectionId =
  | 'opening'
  | 'reason'
  | 'check-in'
  | 'provider'
  | 'moud'
  | 'medicines'
  | 'virtual-care'
  | 'naloxone'
  | 'coverage'
  | 'next-step'
  | 'crisis'
  | 'if-declined';

export interface CallScript {
  sections: ScriptSection[];
  /** Referral kinds worth offering first, in order. */
  suggestedReferrals: ReferralKind[];
}

/** Referral kinds a case manager can make. */
export const referralKinds = [
  'moud_prescriber',
  'virtual_behavioral_care',
  'outpatient_detox',
  'intensive_outpatient',
  'support_group',
  'supportive_services',
] as const;
export type ReferralKind = (typeof referralKinds)[number];

/** Plain-language names of referral kinds, for screens and notes. */
export const referralKindLabels: Record<ReferralKind, string> = {
  moud_prescriber: 'MOUD prescriber',
  virtual_behavioral_care: 'Virtual behavioral care',
  outpatient_detox: 'Outpatient detox',
  intensive_outpatient: 'Intensive outpatient',
  support_group: 'Support group',
  supportive_services: 'Supportive services (housing, employment, education)',
};
