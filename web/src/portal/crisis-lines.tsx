import { useTranslation } from 'react-i18next';
/** Crisis lines, shown on every page of the member portal (public national numbers only), in the member's language. */
export function CrisisBanner() {
  const { t } = useTranslation();
  const [before988, after988] = t('crisis.call', { number: '\u0000' }).split('\u0000');
  const [before911, after911] = t('crisis.emergency', { number: '\u0000' }).split('\u0000');
  return (
    <aside className="crisis-banner" aria-label={t('crisis.title')}>
      <strong>{t('crisis.title')}</strong> {before988}
      <a href="tel:988">988</a>
      {after988} {before911}
      <a href="tel:911">911</a>
      {after911}
    </aside>
  );
}

/** Resources: crisis lines, treatment help, naloxone, in plain, person-first words. */
export function ResourcesPage() {
  return (
    <div className="stack portal">
      <h1>Help and crisis lines</h1>
      <section className="panel" aria-labelledby="crisis-title">
        <h2 id="crisis-title">Right now</h2>
        <ul className="resources">
          <li>
            <strong>988 Suicide &amp; Crisis Lifeline</strong>: call or text <a href="tel:988">988</a>, or
            chat at 988lifeline.org. Free, private, 24 hours a day.
          </li>
          <li>
            <strong>Emergency or overdose</strong>: call <a href="tel:911">911</a>. If you have naloxone
            (Narcan), give it and stay with the person.
          </li>
          <li>
            <strong>Poison Control</strong>: <a href="tel:18002221222">1-800-222-1222</a>.
          </li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="treatment-help-title">
        <h2 id="treatment-help-title">Finding treatment</h2>
        <ul className="resources">
          <li>
            <strong>SAMHSA National Helpline</strong>: <a href="tel:18006624357">1-800-662-4357</a>, free and
            confidential, in English and Spanish, 24 hours a day.
          </li>
          <li>
            <strong>Your plan's covered care</strong>: see <a href="#/my-care">Find care</a> for programs near
            you and what they would cost you.
          </li>
          <li>
            <strong>Medication for opioid use disorder (MOUD)</strong> such as buprenorphine or naltrexone can
            be prescribed at an office or virtual visit. Ask any MOUD prescriber in your plan's network.
          </li>
          <li>
            <strong>Naloxone</strong> reverses an opioid overdose. Most pharmacies give it without a
            prescription.
          </li>
        </ul>
      </section>
    </div>
  );
}
