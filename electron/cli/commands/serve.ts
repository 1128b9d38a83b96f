// `rwsec serve`: the editor UI in a browser, for hosts without a desktop (reach it over an SSH
// tunnel) and for the browser tests.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_OK, EXIT_UNREADABLE, type CliIo } from '../command';
import { defineCommand } from '../cli-spec';
import { startServeHost } from '../../serve/serve-host';
import { EditingSession } from '../../services/session/editing-session';
import { defaultFileStore } from '../../services/session/default-file-store';
import { createApiHandlers } from '../../api/api-handlers';
import { closeIdleSsh } from '../../services/session/idle-ssh';
import { ApiError } from '../../../shared/api/dispatch';
import { writeRedirectPage, type RedirectPage } from '../browser-redirect';
import { rwsecVersion } from '../version';
import { WorkerPool } from '../../services/heavy/worker-pool';
import { heavyWorkerScript } from '../../services/heavy/worker-script';

/** dist/renderer beside the bundled CLI (dist/cli.cjs), or in the checkout when run from sources. */
function staticRoot(): string {
  const candidates = [
    join(__dirname, 'renderer'),
    join(__dirname, '..', '..', '..', 'dist', 'renderer'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0]!;
}

function hasDesktop(env: NodeJS.ProcessEnv): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Opens the served UI in the desktop browser through a private redirect page, so the tokened URL
 * never appears on the opener's command line. Returns the page to remove on stop.
 */
async function openBrowser(url: string): Promise<RedirectPage | undefined> {
  let page: RedirectPage;
  try {
    page = await writeRedirectPage(url);
  } catch {
    return undefined; // no private temp folder: the printed URL is the way in
  }
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  // One argv element (no shell); failure just means: no desktop browser here.
  const child = spawn(opener, [page.file], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
  return page;
}

export const serveCommand = defineCommand({
  name: 'serve',
  options: {
    port: {
      type: 'int',
      arg: 'N',
      min: 0,
      max: 65535,
      help: 'port to listen on (default: any free port; the real one is printed)',
    },
    config: { type: 'string', arg: 'FILE', help: 'application.yaml to open on start' },
    'no-open': {
      type: 'boolean',
      help: [
        'only print the URL (default: also open it in the desktop browser when',
        'there is a desktop; on a headless host it is only printed)',
      ],
    },
  },
  description: [
    'Serves the editor to a browser on 127.0.0.1 only and prints its URL with a one-time token.',
    'Each printed URL opens one browser tab (reloading that tab keeps its session); once it is',
    'used, the next URL is printed for another tab.',
    'On a remote host, tunnel the port: ssh -L N:127.0.0.1:N host, then open the printed URL.',
  ],
  epilogue: ['Stop with Ctrl+C.'],
  run: ({ values, io }) => serve(values, io),
});

async function serve(
  values: { port: number | undefined; config: string | undefined; 'no-open': boolean },
  io: CliIo,
): Promise<number> {
  const port = values.port ?? 0;
  const root = staticRoot();
  if (!existsSync(join(root, 'index.html'))) {
    io.err('rwsec serve: the UI is not built. Run `npm run build` in the project folder first.\n');
    return EXIT_UNREADABLE;
  }
  const session = new EditingSession(defaultFileStore);
  if (values.config !== undefined) {
    try {
      await session.open(values.config);
    } catch (error) {
      io.err(`rwsec serve: ${error instanceof ApiError ? error.message : String(error)}\n`);
      return EXIT_UNREADABLE;
    }
  }
  // Heavy crypto runs in worker threads, so one request cannot stall the others or a stop.
  const pool = new WorkerPool({ script: heavyWorkerScript() });
  const handlers = createApiHandlers(session, {
    version: rwsecVersion,
    mode: 'browser',
    work: pool,
  });
  let host;
  try {
    host = await startServeHost({
      port,
      staticRoot: root,
      handlers,
      log: (l) => io.err(`${l}\n`),
      onSessionOpened: (next) => io.out(`Session opened. For another tab open ${next}\n`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      `rwsec serve: cannot listen on 127.0.0.1:${port}${code === 'EADDRINUSE' ? ' (port in use; pick another with --port, or omit it)' : ''}.\n`,
    );
    await pool.close();
    return EXIT_UNREADABLE;
  }
  io.out(`Open ${host.url}\n`);
  if (session.file) io.out(`Editing ${session.file}\n`);
  io.out('Ready (Ctrl+C to stop)\n');
  const page =
    values['no-open'] !== true && hasDesktop(io.env) ? await openBrowser(host.url) : undefined;

  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // Workers first: their tasks fail at once ("stopped"), so the requests waiting on them end
      // and host.close() (which waits for every request in flight, including a save already
      // writing) does not wait for a key generation or a derivation of millions of iterations.
      void pool
        .close()
        .then(() => host.close())
        .then(() => closeIdleSsh())
        .then(() => page?.remove())
        .catch(() => undefined)
        .then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  io.out('Stopped.\n');
  return EXIT_OK;
}
