import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The folder of one public reference data set in `../shared/external/`, or null
 * when it is absent (as on a user's clone). Tests skip with a message then.
 */
export function externalDir(name: string): string | null {
  const dir = path.resolve(repoRoot, '..', 'shared', 'external', name);
  if (fs.existsSync(dir)) return dir;
  console.warn(`skipping: ../shared/external/${name} is not beside this clone`);
  return null;
}

export { repoRoot };
