// Where the bundled worker entry (dist/heavy-worker.cjs) is, from whichever bundle runs this:
// dist/cli.cjs (rwsec serve), dist/desktop/main.cjs (the app, also inside its asar), or the
// sources in a checkout (tests).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserFacingError } from '../../../shared/user-error';

export const heavyWorkerFile = 'heavy-worker.cjs';

export function heavyWorkerScript(): string {
  const candidates = [
    join(__dirname, heavyWorkerFile),
    join(__dirname, '..', heavyWorkerFile),
    join(__dirname, '..', '..', '..', 'dist', heavyWorkerFile),
  ];
  const found = candidates.find((file) => existsSync(file));
  if (!found) {
    throw new UserFacingError(
      'unavailable',
      `The background worker (${heavyWorkerFile}) is missing beside ${__dirname}: run \`npm run build\` in the project folder first.`,
    );
  }
  return found;
}
