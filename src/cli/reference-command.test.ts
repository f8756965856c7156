import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinDrugs } from '../reference/builtin-drugs.ts';
import { mmeFactors } from '../reference/mme-factors.ts';
import { runProgram } from './program.ts';
import { captureCli } from './testing/capture-cli.ts';

const header =
  'NDC,NDC_Numeric,PRODNME,GENNME,Master_Form,Class,Drug,LongShortActing,DEAClassCode,Strength_Per_Unit,UOM,MME_Conversion_Factor';

describe('checkpoint reference', () => {
  const cli = captureCli('checkpoint-reference-cli-');

  const run = (...args: string[]) =>
    runProgram(['node', 'checkpoint', '--data-dir', cli.dir, 'reference', ...args]);

  it('imports a sheet, prints the summary, writes rejects, and exits 1 under --strict', async () => {
    const file = path.join(cli.dir, 'sheet.csv');
    fs.writeFileSync(
      file,
      [
        header,
        '00228287611,228287611,OXYCODONE HCL,Oxycodone Hydrochloride,Tablet,Opioid,Oxycodone SA,SA,2,5,MG,1.5',
        '00228287811,228287811,OXYCODONE HCL,Oxycodone Hydrochloride,Tablet,Opioid,Oxycodone SA,SA,2,,MG,1.5',
      ].join('\n'),
    );
    const rejects = path.join(cli.dir, 'rejects.csv');
    await run('import', file, '--rejects', rejects, '--strict');
    expect(process.exitCode).toBe(1);
    expect(cli.stdout()).toContain('2 rows read, 1 loaded, 1 rejected');
    expect(cli.stdout()).toContain('loaded: opioid_analgesic 1');
    expect(fs.readFileSync(rejects, 'utf8')).toBe(
      `file,line,field,reason\n${file},3,Strength_Per_Unit,strength is missing\n`,
    );
  });

  it('lists what is loaded per source and class', async () => {
    await run('list');
    expect(process.exitCode).toBe(0);
    const text = cli.stdout();
    const opioids = builtinDrugs.filter((d) => d.drugClass === 'opioid_analgesic').length;
    const factors2022 = mmeFactors.filter((f) => f.factorSet === 'cdc-2022').length;
    expect(text).toMatch(new RegExp(`builtin\\s+opioid_analgesic\\s+${opioids}\\n`));
    expect(text).toMatch(new RegExp(`cdc-2022\\s+${factors2022} factors; ${opioids} NDCs with a factor`));
  });

  it('exits 1 with a message on a file that is not a reference table', async () => {
    const file = path.join(cli.dir, 'other.csv');
    fs.writeFileSync(file, 'a,b\n1,2\n');
    await run('import', file);
    expect(process.exitCode).toBe(1);
    expect(cli.stderr()).toContain('is not a CDC NDC/MME sheet');
  });

  it('exits 2 on an unknown format', async () => {
    await run('import', 'x.csv', '--format', 'xlsx');
    expect(process.exitCode).toBe(2);
  });
});
