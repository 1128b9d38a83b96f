// Opening the tokened serve URL without putting the token on a command line: a desktop opener's
// argv is visible to every local user in `ps`. As Jupyter does, the opener gets the path of a
// private HTML page that redirects to the URL (0600 file in a 0700 folder of its own); the page
// is removed when the server stops.
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedirectPage {
  /** The HTML file to hand to the opener. */
  file: string;
  /** Deletes the page and its folder (safe to call more than once). */
  remove(): Promise<void>;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function redirectHtml(url: string): string {
  const href = escapeHtml(url);
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8">',
    `<meta http-equiv="refresh" content="0;url=${href}">`,
    '<title>RWS Security Studio</title></head>',
    `<body><p>Opening RWS Security Studio&hellip; If nothing happens, <a href="${href}">follow this link</a>.</p></body></html>`,
    '',
  ].join('\n');
}

/** Writes the redirect page to `url` in a fresh private folder under `parent` (os.tmpdir()). */
export async function writeRedirectPage(url: string, parent = tmpdir()): Promise<RedirectPage> {
  const folder = await fs.mkdtemp(join(parent, 'rwsec-open-'));
  await fs.chmod(folder, 0o700);
  const file = join(folder, 'open.html');
  try {
    // Exclusive create with the private mode from the start: the token is never readable by others.
    await fs.writeFile(file, redirectHtml(url), { mode: 0o600, flag: 'wx' });
    await fs.chmod(file, 0o600);
  } catch (error) {
    await fs.rm(folder, { recursive: true, force: true });
    throw error;
  }
  return { file, remove: () => fs.rm(folder, { recursive: true, force: true }) };
}
