import { useTranslation } from 'react-i18next';
import { useMemberCoverage, useMyMemberId } from '../coverage/coverage-api.ts';

/** The signed-in member's plan behavioral-health line, when they are a member and the plan names one. */
export function usePlanLine(): string | null {
  const id = useMyMemberId();
  const coverage = useMemberCoverage(id.data ?? undefined);
  return coverage.data?.behavioralHealthLine ?? null;
}

/** A phone number as a link target: digits and + only. */
export const telHref = (number: string) => `tel:${number.replace(/[^0-9+]/g, '')}`;

/** Splits a message around its one `{{number}}` so the number can be a link. */
function around(text: (number: string) => string): [string, string] {
  const [before = '', after = ''] = text('\u0000').split('\u0000');
  return [before, after];
}

/**
 * Crisis lines on every member and family page, one tap from anywhere: 988, 911, the plan's
 * behavioral-health line, and the help page (public national numbers, the plan's own line).
 */
export function CrisisBanner() {
  const { t } = useTranslation();
  const planLine = usePlanLine();
  const [before988, after988] = around((n) => t('crisis.call', { number: n }));
  const [before911, after911] = around((n) => t('crisis.emergency', { number: n }));
  const [beforePlan, afterPlan] = around((n) => t('help.planLine', { number: n }));
  return (
    <aside className="crisis-banner" aria-label={t('crisis.title')}>
      <strong>{t('crisis.title')}</strong> {before988}
      <a href="tel:988">988</a>
      {after988} {before911}
      <a href="tel:911">911</a>
      {after911}{' '}
      {planLine && (
        <>
          {beforePlan}
          <a href={telHref(planLine)}>{planLine}</a>
          {afterPlan}.{' '}
        </>
      )}
      <a href="#/help">{t('help.more')}</a>
    </aside>
  );
}

/** Resources: crisis lines, treatment help, naloxone, in plain, person-first words. */
export function ResourcesPage({ forMember }: { forMember: boolean }) {
  const { t } = useTranslation();
  const planLine = usePlanLine();
  return (
    <div className="stack portal">
      <h1>{t('help.title')}</h1>
      <section className="panel" aria-labelledby="crisis-title">
        <h2 id="crisis-title">{t('help.rightNow')}</h2>
        <ul className="resources">
          <li>
            <strong>{t('help.lifeline')}</strong> (<a href="tel:988">988</a>): {t('help.lifelineText')}
          </li>
          <li>
            <strong>{t('help.emergency')}</strong> (<a href="tel:911">911</a>): {t('help.emergencyText')}
          </li>
          {planLine && (
            <li>
              <strong>{t('help.plan')}</strong> (<a href={telHref(planLine)}>{planLine}</a>):{' '}
              {t('help.planText')}
            </li>
          )}
          <li>
            <strong>{t('help.poison')}</strong>: <a href="tel:18002221222">1-800-222-1222</a>.
          </li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="treatment-help-title">
        <h2 id="treatment-help-title">{t('help.treatment')}</h2>
        <ul className="resources">
          <li>
            <strong>{t('help.samhsa')}</strong> (<a href="tel:18006624357">1-800-662-4357</a>):{' '}
            {t('help.samhsaText')}
          </li>
          {forMember && (
            <li>
              <strong>{t('help.covered')}</strong>: {t('help.coveredText')}{' '}
              <a href="#/my-care">{t('help.findCare')}</a>.
            </li>
          )}
          <li>
            <strong>{t('help.moud')}</strong> {t('help.moudText')}
          </li>
          <li>
            <strong>{t('help.naloxone')}</strong> {t('help.naloxoneText')}{' '}
            <a href="https://nextdistro.org/naloxone" rel="noreferrer">
              {t('help.naloxoneFinder')}
            </a>
            .
          </li>
        </ul>
      </section>
    </div>
  );
}
