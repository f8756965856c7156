import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';

/** What a CLI test reads back: its temp folder and what the command printed. */
export interface CapturedCli {
  readonly dir: string;
  stdout(): string;
  stderr(): string;
}

/**
 * Gives each test of the enclosing describe a fresh temp folder, captures stdout and stderr,
 * and resets `process.exitCode` around it (commands report failure through it).
 */
export function captureCli(prefix: string): CapturedCli {
  let dir = '';
  let out: string[] = [];
  let err: string[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    out = [];
    err = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
    process.exitCode = 0;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = 0;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
