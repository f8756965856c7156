import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FacilityField } from './facility-field.tsx';

const facilities = [
  { npi: '2981000070', name: 'Lanternway Ambulatory Detox' },
  { npi: '2981000013', name: 'Harbor Recovery Center' },
];

/** The options as `value=label`, and which is selected. */
function options(ownNpi: string | undefined, value = ''): { all: string[]; selected: string | undefined } {
  const html = renderToStaticMarkup(
    <FacilityField facilities={facilities} ownNpi={ownNpi} value={value} onChange={() => {}} />,
  );
  const all = [...html.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map(
    (m) => `${m[1]}=${m[2]}`,
  );
  const selected = /<option value="([^"]*)" selected=""/.exec(html)?.[1];
  return { all, selected };
}

describe('FacilityField', () => {
  it('offers a facility user only their own facility, already chosen, when /api/me gives its NPI', () => {
    expect(options('2981000013')).toEqual({
      all: ['2981000013=Harbor Recovery Center (NPI 2981000013)'],
      selected: '2981000013',
    });
  });

  it('still offers their NPI when the directory does not list it', () => {
    expect(options('2981000099').all).toEqual(['2981000099=Your facility (NPI 2981000099)']);
  });

  it('lets an account without a facility NPI choose from the directory', () => {
    expect(options(undefined).all).toEqual([
      '=Choose…',
      '2981000070=Lanternway Ambulatory Detox (NPI 2981000070)',
      '2981000013=Harbor Recovery Center (NPI 2981000013)',
    ]);
    expect(options(undefined, '2981000070').selected).toBe('2981000070');
  });
});
