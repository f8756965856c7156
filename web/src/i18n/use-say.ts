import { useTranslation } from 'react-i18next';

/**
 * Words for a screen shared by staff and members: the member's language for a member (or a
 * family member), the staff wording, in English, for everyone else.
 */
export function useSay(forMember: boolean) {
  const { t } = useTranslation();
  return (key: string, staff: string, options?: Record<string, unknown>): string =>
    forMember ? t(key, options ?? {}) : staff;
}

/** Dollars in the reader's language: "$1,250" or "1250 US$"; whole when whole. */
export function formatMoneyIn(language: string, value: number): string {
  return value.toLocaleString(language, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
    maximumFractionDigits: 2,
  });
}
