import { formatMoneyIn } from '../i18n/use-say.ts';
import type { CareService, CareType } from './coverage-api.ts';

export const careTypeLabels: Record<CareType, string> = {
  'ambulatory-detox': 'Ambulatory detox',
  'intensive-outpatient': 'Intensive outpatient',
  'outpatient-rehab': 'Outpatient rehab',
  'opioid-treatment-program': 'Opioid treatment program',
  'moud-prescriber': 'MOUD prescriber',
  'virtual-behavioral-care': 'Virtual behavioral care',
};

export const serviceLabels: Record<CareService, string> = {
  'individual-therapy': 'Individual therapy',
  'group-therapy': 'Group therapy',
  'family-therapy': 'Family therapy',
  buprenorphine: 'Buprenorphine',
  naltrexone: 'Naltrexone',
  methadone: 'Methadone',
  'benzodiazepine-taper': 'Benzodiazepine taper',
};

export const statusLabels: Record<string, string> = {
  submitted: 'Received',
  in_review: 'In review',
  pended: 'Waiting for information',
  approved: 'Approved',
  partially_approved: 'Partly approved',
  denied: 'Denied',
  withdrawn: 'Withdrawn',
};

export const denialReasonLabels: Record<string, string> = {
  'medical-necessity-not-met': 'Medical necessity criteria not met',
  'insufficient-information': 'Information asked for was not sent',
  'not-a-covered-benefit': 'Not a covered benefit of the plan',
  'member-not-eligible': 'Not enrolled in the plan for these dates',
  'duplicate-request': 'Same care already requested',
};

/** Dollars, whole when whole: "$1,250" or "$312.50". */
export function formatMoney(value: number): string {
  return formatMoneyIn('en-US', value);
}

/** A date and time, short: "Oct 15, 2:00 PM", with the year when it is not this year's. */
export function formatWhen(iso: string, now = new Date()): string {
  const when = new Date(iso);
  return when.toLocaleString('en-US', {
    month: 'short',
    day: 'numeric',
    ...(when.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** The decision clock in plain words: "2d 4h left", "5h overdue", "decided with 3d to spare". */
export function describeClock(clock: { state: string; hoursLeft: number }): string {
  const span = (hours: number) => {
    const h = Math.abs(Math.round(hours));
    return h >= 24 ? `${Math.floor(h / 24)}d ${h % 24}h` : `${h}h`;
  };
  switch (clock.state) {
    case 'overdue':
      return `${span(clock.hoursLeft)} overdue`;
    case 'met':
      return `decided in time (${span(clock.hoursLeft)} to spare)`;
    case 'missed':
      return `decided ${span(clock.hoursLeft)} late`;
    case 'stopped':
      return 'stopped (withdrawn)';
    default:
      return `${span(clock.hoursLeft)} left`;
  }
}
