import type { MeasuresResult } from '../compute-measures.ts';

/** The methods and caveats page of the program report: how each number is made, and what it cannot say. */
export function methodsText(result: MeasuresResult): { heading: string; items: string[] }[] {
  return [
    {
      heading: 'What is measured',
      items: [
        `Measures of RISK-RULES §10, version ${result.measureVersion}, from the plan's claims by calendar month and market, for the line of business in scope (commercial).`,
        'Member-months: a member counts in each month an enrollment span in scope covers at least one day; the market is the market of the address on file.',
        'Overdose events: claims with an opioid-overdose code (initial encounter) in any setting; claims of one member within 7 days of the previous one are one event. The rate is events per 1,000 member-years.',
        `Baseline: the 12 months before the program start (${result.programStart}), ${result.baseline.from} to ${result.baseline.to}. Goal: the rate over the latest 12 months (${result.latest12.from} to ${result.latest12.to}) at most 0.75 × the baseline rate.`,
        "Opioid users: members with an opioid analgesic fill in the month, per 1,000 member-months; the high-MME and opioid-with-benzodiazepine shares apply the risk rules of §5 as of each month's last day, with their exclusions (cancer, sickle-cell disease, hospice or palliative care).",
        "Follow-up after an emergency: ED visits for a substance-use disorder (principal diagnosis) or an overdose, by members aged 13 or more enrolled through 30 days after, not admitted that day or the next, one visit per 31 days; followed by an outpatient, telehealth, intensive outpatient or partial-hospitalization visit with a SUD diagnosis, a MOUD fill or an opioid treatment program service within 7 and 30 days (the visit's day included).",
        'MOUD continuity: a new episode of medication for opioid use disorder starts after 31 days with none and continues while each next fill or service comes within 8 days of the end of the coverage before it; the share reaching 180 days.',
        'Outreach funnel: cases by month of first identification, called, reached, engaged (a referral accepted) and treatment started (a MOUD fill, OTP service or SUD visit within 30 days of the referral); days to the first call in business days.',
      ],
    },
    {
      heading: 'Intervals',
      items: [
        'Counts of events carry 95 % exact Poisson (Garwood) intervals, and so do the rates made from them.',
        'Ratios of two rates (the goal ratio, the difference in differences) carry 95 % intervals by the log method: exp(ln RR ± 1.96 √(1/a + 1/b)).',
      ],
    },
    {
      heading: 'Caveats',
      items: [
        'The difference in differences compares the focus markets with members of the same line of business outside them. It is an observational comparison: the markets differ in more than the program, so it cannot prove that the program caused a change. Where its interval includes 1, the data cannot tell the difference from chance.',
        'Claims arrive late: the most recent months may be incomplete, and an ED visit is judged only when its 30 days of follow-up lie in the data.',
        'Small cells: counts of 1 to 10, and every rate or share computed from one, are shown as suppressed (the CMS cell-size rule), and further cells are suppressed where they would let a hidden count be worked out from the totals beside it. No row is about one member.',
        'Overdoses that never reach a claim (no care sought, deaths outside care) are not counted; coding practice may differ between markets and over time.',
      ],
    },
  ];
}
