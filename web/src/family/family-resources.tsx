import { useTranslation } from 'react-i18next';

/** For families and supporters: how to help, naloxone and how to use it, support for themselves (public national resources only). */
export function FamilyResources() {
  const { t } = useTranslation();
  const list = (key: string) => t(key, { returnObjects: true }) as unknown as string[];
  return (
    <>
      <section className="panel" aria-labelledby="support-title">
        <h2 id="support-title">{t('family.supportTitle')}</h2>
        <ul className="resources">
          {list('family.support').map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="naloxone-title">
        <h2 id="naloxone-title">{t('family.naloxoneTitle')}</h2>
        <p>{t('family.naloxoneIntro')}</p>
        <ol className="resources">
          {list('family.naloxoneSteps').map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
        <p>
          <a href="https://nextdistro.org/naloxone" rel="noreferrer">
            {t('family.naloxoneFinder')}
          </a>{' '}
          · <a href="tel:911">911</a>
        </p>
      </section>
      <section className="panel" aria-labelledby="family-groups-title">
        <h2 id="family-groups-title">{t('family.groupsTitle')}</h2>
        <ul className="resources">
          <li>
            <strong>{t('family.samhsa')}</strong> (<a href="tel:18006624357">1-800-662-4357</a>):{' '}
            {t('family.samhsaText')}
          </li>
          <li>
            <strong>{t('family.naranon')}</strong>: {t('family.naranonText')}
          </li>
          <li>
            <strong>{t('family.craft')}</strong> {t('family.craftText')}
          </li>
          <li>
            <strong>{t('family.lifeline')}</strong> (<a href="tel:988">988</a>): {t('family.lifelineText')}
          </li>
        </ul>
      </section>
    </>
  );
}
