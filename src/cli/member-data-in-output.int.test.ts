import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram } from './program.ts';
import { captureCli } from './testing/capture-cli.ts';

/** A synthetic member id, and the diagnosis codes of opioid and other substance use (ICD-10-CM F11–F19, T40). */
const memberIdPattern = /\bM\d{8}\b/;
const diagnosisPattern = /\b(F1[1-9]\d{0,3}|T40\d{0,3})\b/;
const asOf = '2026-06-30';

/**
 * INTERFACES.md: member data never goes to stdout unless a command is asked to write it. Runs
 * every command that reads member data, with its output sent to a file, and reads everything it
 * printed (stdout and stderr: a terminal, or a log) for a member id or a diagnosis code.
 */
describe('member data in what commands print', () => {
  const cli = captureCli('member-output-');

  it('prints no member id and no diagnosis code from any command, nor from a demo start', async () => {
    const dir = cli.dir;
    const run = async (...args: string[]) => {
      await runProgram(['node', 'checkpoint', '--data-dir', path.join(dir, 'data'), ...args]);
      expect(process.exitCode ?? 0, `${args.join(' ')}: ${cli.stderr()}`).toBe(0);
    };
    const claims = path.join(dir, 'claims');
    await run(
      'generate',
      '--members',
      '400',
      '--seed',
      '11',
      '--out',
      claims,
      '--as-of',
      asOf,
      '--risk-enrichment',
      '20',
    );
    await run('ingest', claims);
    await run('identify', '--as-of', asOf, '--out', path.join(dir, 'worklist.json'));
    await run('signals', '--as-of', asOf, '--out', path.join(dir, 'alerts.json'));
    await run('letters', '--as-of', asOf, '--out', path.join(dir, 'letters'));
    await run('lock-in', 'review', '--as-of', asOf);
    await run('lock-in', 'status');
    await run('lock-in', 'daily-job', '--today', asOf);
    await run('measures', '--from', '2025-07', '--to', '2026-06', '--out', path.join(dir, 'measures.json'));
    await run('audit', 'verify');
    await run(
      'demo',
      '--no-serve',
      '--members',
      '300',
      '--as-of',
      asOf,
      '--data-dir',
      path.join(dir, 'demo'),
    );

    // The files hold the member data the commands were asked to write: the test can find it there.
    const worklist = fs.readFileSync(path.join(dir, 'worklist.json'), 'utf8');
    expect(worklist).toMatch(memberIdPattern);
    const printed = `${cli.stdout()}\n${cli.stderr()}`;
    expect(printed).toMatch(/candidates/);
    expect(printed.match(memberIdPattern)).toBeNull();
    expect(printed.match(diagnosisPattern)).toBeNull();
  }, 300_000);
});
