/**
 * The fixed words of prescriber letters and member notices, person-first (NIDA
 * "Words Matter", SAMHSA): no labels for people, no "abuse". Kept apart from layout so reviewers can read them in one place.
 */
export interface PlanLetterhead {
  planName: string;
  department: string;
  address: string;
  phone: string;
  email: string;
  contactName: string;
}

export const defaultLetterhead: PlanLetterhead = {
  planName: 'Checkpoint Health Plan',
  department: 'Clinical Pharmacy — Opioid Safety Program',
  address: '100 Main Street, Hartford, CT 06103',
  phone: '1-800-555-0134 (Monday to Friday, 8 a.m. to 6 p.m.)',
  email: 'pharmacy-safety@checkpoint.example',
  contactName: 'Clinical Pharmacy Team',
};

export const letterIntro = (count: number): string =>
  `Our claims show that ${count === 1 ? 'a patient' : `${count} patients`} you prescribed for in the last 90 days ${count === 1 ? 'has' : 'have'} risk factors for opioid overdose. We share these facts so you can consider them at the next visit; they are not a judgment of your care, and every decision about treatment stays with you and your patient. We list only the facts that support this letter.`;

export const resources: ReadonlyArray<{ title: string; text: string }> = [
  {
    title: 'Coaching and support',
    text: 'Our care team can call your patient to talk about safe use, storage and disposal of medicines, and what matters to them.',
  },
  {
    title: 'Opioid and chronic-pain case management',
    text: 'A nurse or behavioral-health case manager can help coordinate pain care, tapering plans, and non-opioid therapies. Call us to refer a patient.',
  },
  {
    title: 'Medication for opioid use disorder (MOUD)',
    text: 'Buprenorphine, naltrexone and methadone treatment are covered. We can help your patient find a MOUD prescriber or a treatment program near them.',
  },
  {
    title: 'Naloxone',
    text: 'Naloxone is covered with no prior authorization. Please consider prescribing it for any patient at or above 50 MME or taking a benzodiazepine with an opioid.',
  },
  {
    title: '988 Suicide & Crisis Lifeline',
    text: 'Anyone in crisis can call or text 988, any time, for free and confidential support.',
  },
];

export const lockInExplanation =
  'When the risk continues, our clinical pharmacist may review whether to limit a patient’s opioid coverage to one pharmacy, one prescriber, or both (a “lock-in”), as in CMS drug management programs. The patient is told first, has 30 days to respond and to choose a preferred pharmacy and prescriber, and may appeal. A lock-in lasts 12 months and may be extended once. Medication for opioid use disorder, naloxone and emergency supplies are never blocked.';

/** The notice 42 CFR § 2.32 requires with every disclosure of Part 2 information. */
export const part2Notice =
  'This information has been disclosed to you from records protected by federal confidentiality rules (42 CFR part 2). The federal rules prohibit you from making any further disclosure of information in this record that identifies a patient as having or having had a substance use disorder either directly, by reference to publicly available information, or through verification of such identification by another person unless further disclosure is expressly permitted by the written consent of the individual whose information is being disclosed or as otherwise permitted by 42 CFR part 2. A general authorization for the release of medical or other information is NOT sufficient for this purpose (see § 2.31). The federal rules restrict any use of the information to investigate or prosecute with regard to a crime any patient with a substance use disorder, except as provided at §§ 2.12(c)(5) and 2.65.';

export const confidentialityLine =
  'Confidential: this letter contains protected health information for the treating prescriber only. Please do not forward it.';
