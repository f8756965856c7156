import { describe, expect, it } from 'vitest';
import { buildCallScript } from './call-script.ts';
import type { CallSituation } from './call-situation.ts';
import type { CallScript } from './script-types.ts';

const base: CallSituation = {
  emergencies: ['ED_VISIT'],
  daysSinceEmergency: 20,
  riskFactors: ['LONG_TERM_OPIOID'],
  context: [],
  hasBehavioralHealthCaseManagement: true,
};

function ids(script: CallScript): string[] {
  return script.sections.map((s) => s.id);
}
function text(script: CallScript): string {
  return script.sections.flatMap((s) => [...s.say, ...s.guidance]).join('\n');
}
function section(script: CallScript, id: string) {
  const found = script.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

describe('buildCallScript', () => {
  it('opens with identity verification and closes with 988 and a respectful decline', () => {
    const script = buildCallScript(base);
    expect(ids(script)[0]).toBe('opening');
    expect(section(script, 'opening').guidance.join(' ')).toMatch(/until identity is verified/);
    expect(ids(script).slice(-2)).toEqual(['crisis', 'if-declined']);
    expect(section(script, 'crisis').say.join(' ')).toContain('988');
  });

  it('speaks of an emergency room visit for an ED visit and a hospital stay for an admission', () => {
    expect(section(buildCallScript(base), 'reason').say[0]).toContain('emergency room');
    const admitted = buildCallScript({ ...base, emergencies: ['EMERGENCY_ADMISSION'] });
    expect(section(admitted, 'reason').say[0]).toContain('hospital stay');
  });

  it('after an overdose puts naloxone right after the check-in and never says "overdose" to the member first', () => {
    const script = buildCallScript({ ...base, emergencies: ['OPIOID_OVERDOSE', 'ED_VISIT'] });
    const order = ids(script);
    expect(order.indexOf('naloxone')).toBe(order.indexOf('check-in') + 1);
    expect(section(script, 'reason').say.join(' ')).not.toMatch(/overdose/i);
    expect(section(script, 'reason').guidance.join(' ')).toMatch(/Do not name it unless the member does/);
    expect(section(script, 'naloxone').guidance.join(' ')).toMatch(/today/);
  });

  it('without an overdose offers naloxone after virtual care', () => {
    const order = ids(buildCallScript(base));
    expect(order.indexOf('naloxone')).toBe(order.indexOf('virtual-care') + 1);
  });

  it('offers the three MOUD medicines when the member is not on MOUD', () => {
    const moud = section(buildCallScript(base), 'moud');
    expect(moud.title).toContain('MOUD');
    const said = moud.say.join(' ');
    for (const drug of ['Buprenorphine', 'methadone', 'naltrexone']) expect(said).toContain(drug);
    expect(buildCallScript(base).suggestedReferrals[0]).toBe('moud_prescriber');
  });

  it('supports continuity instead of offering MOUD when the member is already on it', () => {
    const script = buildCallScript({ ...base, context: ['ON_MOUD'] });
    expect(section(script, 'moud').title).toBe('Staying on treatment');
    expect(section(script, 'moud').say.join(' ')).toMatch(/return to use/);
    expect(section(script, 'provider').say.join(' ')).toMatch(/already working with a provider/);
    expect(script.suggestedReferrals).not.toContain('moud_prescriber');
  });

  it('adds a medicines-and-safety section for a high dose, naming dose but not benzodiazepines', () => {
    const script = buildCallScript({ ...base, riskFactors: ['HIGH_MME'] });
    const medicines = section(script, 'medicines');
    expect(medicines.say.join(' ')).toMatch(/lower dose/);
    expect(medicines.say.join(' ')).not.toMatch(/benzodiazepine/);
    expect(medicines.because).toEqual(['High daily MME (≥ 90) over 180 days']);
  });

  it('warns about benzodiazepines with opioids and not to stop them suddenly', () => {
    const script = buildCallScript({ ...base, riskFactors: ['OPIOID_BENZO_OVERLAP'] });
    const said = section(script, 'medicines').say.join(' ');
    expect(said).toMatch(/benzodiazepine/);
    expect(said).toMatch(/do not stop it suddenly/);
    expect(script.suggestedReferrals).toContain('outpatient_detox');
  });

  it('has no medicines section without a prescribing risk factor', () => {
    expect(ids(buildCallScript(base))).not.toContain('medicines');
  });

  it('always says virtual care costs the same out-of-pocket as an office visit', () => {
    expect(section(buildCallScript(base), 'virtual-care').say.join(' ')).toMatch(
      /same out-of-pocket as an in-office visit/,
    );
  });

  it('checks the naloxone at home when the member already filled it', () => {
    const script = buildCallScript({ ...base, context: ['NALOXONE_FILL'] });
    expect(section(script, 'naloxone').say.join(' ')).toMatch(/still have naloxone/);
  });

  it('says so when the plan has no behavioral-health case management, and does not promise follow-up calls', () => {
    const script = buildCallScript({ ...base, hasBehavioralHealthCaseManagement: false });
    expect(section(script, 'coverage').say.join(' ')).toMatch(
      /does not include ongoing behavioral-health case management/,
    );
    expect(section(script, 'coverage').say.join(' ')).toMatch(/back of your ID card/);
    expect(section(script, 'next-step').say.join(' ')).not.toMatch(/called you again/);
    expect(ids(buildCallScript(base))).not.toContain('coverage');
  });

  it('asks how the member feels since getting home when the emergency was within a week', () => {
    const script = buildCallScript({ ...base, daysSinceEmergency: 3 });
    expect(section(script, 'check-in').say[0]).toMatch(/since you got home/);
  });

  it('suggests intensive outpatient after an overdose or with an OUD diagnosis', () => {
    expect(buildCallScript({ ...base, riskFactors: ['OUD_DIAGNOSIS'] }).suggestedReferrals).toContain(
      'intensive_outpatient',
    );
    expect(buildCallScript(base).suggestedReferrals).not.toContain('intensive_outpatient');
  });

  it('uses person-first words in every branch (NIDA Words Matter)', () => {
    const situations: CallSituation[] = [
      base,
      { ...base, emergencies: ['OPIOID_OVERDOSE'], riskFactors: ['HIGH_MME', 'OPIOID_BENZO_OVERLAP'] },
      { ...base, context: ['ON_MOUD', 'NALOXONE_FILL'], hasBehavioralHealthCaseManagement: false },
    ];
    for (const situation of situations) {
      expect(text(buildCallScript(situation))).not.toMatch(
        /\b(addict\w*|abuser?s?|junkie|clean|dirty|relapse|user)\b|substance abuse|drug seeking/i,
      );
    }
  });
});
