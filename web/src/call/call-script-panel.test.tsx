import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildCallScript } from '../../../src/outreach/script/call-script.ts';
import type { CallSituation } from '../../../src/outreach/script/call-situation.ts';
import { CallScriptPanel } from './call-script-panel.tsx';

const base: CallSituation = {
  emergencies: ['ED_VISIT'],
  daysSinceEmergency: 12,
  riskFactors: ['LONG_TERM_OPIOID'],
  context: [],
  hasBehavioralHealthCaseManagement: true,
};

function render(situation: CallSituation): string {
  return renderToStaticMarkup(<CallScriptPanel script={buildCallScript(situation)} />);
}

function sectionIds(html: string): string[] {
  return [...html.matchAll(/data-section="([a-z-]+)"/g)].map((m) => m[1] ?? '');
}

describe('CallScriptPanel', () => {
  it('renders every section of an ED-visit call with its reason, ending with 988', () => {
    const html = render(base);
    expect(sectionIds(html)).toEqual([
      'opening',
      'reason',
      'check-in',
      'provider',
      'moud',
      'virtual-care',
      'naloxone',
      'next-step',
      'crisis',
      'if-declined',
    ]);
    expect(html).toContain('Shown because: Emergency in the last 90 days');
    expect(html).toContain('988');
  });

  it('after an overdose, shows naloxone right after the check-in', () => {
    const ids = sectionIds(render({ ...base, emergencies: ['OPIOID_OVERDOSE'] }));
    expect(ids.slice(2, 4)).toEqual(['check-in', 'naloxone']);
  });

  it('for a member on MOUD, shows "Staying on treatment" instead of the MOUD offer', () => {
    const html = render({ ...base, context: ['ON_MOUD'] });
    expect(html).toContain('Staying on treatment');
    expect(html).not.toContain('Medication for opioid use disorder (MOUD)');
  });

  it('for high dose with benzodiazepines, shows the medicines-and-safety section', () => {
    const html = render({ ...base, riskFactors: ['HIGH_MME', 'OPIOID_BENZO_OVERLAP'] });
    expect(sectionIds(html)).toContain('medicines');
    expect(html).toContain('Opioid and benzodiazepine taken together');
  });

  it('for a plan without behavioral-health case management, says what the plan includes', () => {
    const html = render({ ...base, hasBehavioralHealthCaseManagement: false });
    expect(sectionIds(html)).toContain('coverage');
    expect(html).toContain('back of your ID card');
  });
});
