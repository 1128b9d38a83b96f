import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');
/** The workplace's shared fixtures sit beside the checkout (CI lays out a copy there too). */
export const sharedFixtures = join(repoRoot, '..', 'shared', 'fixtures');
/** The built-in sample, identical in content to the shared fixture when the repo was made. */
export const sampleConfig = join(repoRoot, 'build', 'sample', 'application.yaml');
export const rwsecBin = join(repoRoot, 'electron', 'cli', 'rwsec.cjs');
