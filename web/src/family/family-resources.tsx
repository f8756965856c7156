/** For families and supporters: how to help, naloxone and how to use it, support for themselves (public national resources only). */
export function FamilyResources() {
  return (
    <>
      <section className="panel" aria-labelledby="support-title">
        <h2 id="support-title">Supporting someone in recovery</h2>
        <ul className="resources">
          <li>
            Recovery is a long road with good and hard days. A return to use is not a failure: it is a reason
            to reach out, stay connected and get back to care.
          </li>
          <li>
            Say what you see and how you feel, without blame: “I was worried when you didn’t come home.” Ask
            how you can help.
          </li>
          <li>
            Medication for opioid use disorder (buprenorphine, methadone, naltrexone) is treatment, not
            trading one drug for another. It lowers the risk of overdose and death.
          </li>
          <li>Look after yourself too: you do not have to do this alone.</li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="naloxone-title">
        <h2 id="naloxone-title">Naloxone (Narcan) saves lives</h2>
        <p>Keep naloxone where you can reach it. Most pharmacies give it without a prescription.</p>
        <ol className="resources">
          <li>
            If someone will not wake up, is breathing slowly or not at all, or their lips are blue: call{' '}
            <a href="tel:911">911</a>.
          </li>
          <li>Spray one dose of naloxone into one nostril.</li>
          <li>Give rescue breaths if you know how; lay them on their side.</li>
          <li>If they do not wake in 2 to 3 minutes, give a second dose. Stay until help comes.</li>
        </ol>
      </section>
      <section className="panel" aria-labelledby="family-groups-title">
        <h2 id="family-groups-title">Support for families</h2>
        <ul className="resources">
          <li>
            <strong>SAMHSA National Helpline</strong>: <a href="tel:18006624357">1-800-662-4357</a>, free and
            confidential, 24 hours a day, for families too.
          </li>
          <li>
            <strong>Nar-Anon and Al-Anon</strong>: free groups for the families and friends of people who use
            drugs or alcohol.
          </li>
          <li>
            <strong>SMART Recovery Family &amp; Friends</strong> and <strong>CRAFT</strong> (Community
            Reinforcement and Family Training): practical ways to help a loved one into treatment.
          </li>
          <li>
            <strong>988 Suicide &amp; Crisis Lifeline</strong>: call or text <a href="tel:988">988</a> if you
            or the person you support is in crisis.
          </li>
        </ul>
      </section>
    </>
  );
}
