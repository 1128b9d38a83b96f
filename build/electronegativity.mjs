// Static check of the Electron configuration with @doyensec/electronegativity (Doyensec's
// scanner): scans electron/desktop and fails on any finding of MEDIUM severity or higher that is
// not explained below. Each explanation says why the finding is a false positive here; the test
// test/security/electronegativity.test.ts also checks that the explanations still hold (the
// options they point to are set) and that none is stale.
//   node build/electronegativity.mjs [--json]
import run from '@doyensec/electronegativity';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'electron', 'desktop');
/** Electron's major version in package.json (devDependency; the scanner cannot read it). */
const ELECTRON_VERSION = '41.0.0';

/** `<check id>@<file>`: why the finding does not apply. */
export const EXPLAINED = {
  'CONTEXT_ISOLATION_JS_CHECK@main.ts':
    'webPreferences come from secureWebPreferences() in window-security.ts (contextIsolation: ' +
    'true); the scanner only reads object literals written inside `new BrowserWindow(...)`.',
  'SANDBOX_JS_CHECK@main.ts':
    'secureWebPreferences() sets sandbox: true and sandboxAllRenderers() (main.ts, before ready) ' +
    'calls app.enableSandbox() for every renderer; the scanner does not follow the function call.',
  'AUXCLICK_JS_CHECK@main.ts':
    'a middle click opens a new window, which setWindowOpenHandler in window-security.ts denies ' +
    '(http(s) links go to the system browser); will-navigate blocks navigation away from the app.',
  'CSP_GLOBAL_CHECK@N/A':
    'the CSP is sent as a response header by the app:// protocol handler (app-protocol.ts, from ' +
    'shared/api/csp.ts) and by `rwsec serve`, not as a <meta> tag the scanner could find.',
  'OPEN_EXTERNAL_JS_CHECK@window-security.ts':
    'shell.openExternal only receives what shared/api/external-links.ts externalLinkTarget() ' +
    'returns: http(s) URLs, never file:, smb: or custom schemes.',
};

const SEVERITY_ORDER = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];

export async function scan() {
  const result = await (run.default ?? run)({
    input: target,
    electronVersionOverride: ELECTRON_VERSION,
    severitySet: 'informational',
    confidenceSet: 'tentative',
  });
  const findings = result.issues
    .filter((i) => SEVERITY_ORDER.indexOf(i.severity.name ?? i.severity) >= 2)
    .map((i) => {
      const file = i.file === 'N/A' ? 'N/A' : relative(target, i.file);
      return {
        id: i.id,
        key: `${i.id}@${file}`,
        severity: i.severity.name ?? String(i.severity),
        file,
        line: i.location?.line ?? 0,
        description: i.description,
        explanation: EXPLAINED[`${i.id}@${file}`],
      };
    });
  const keys = new Set(findings.map((f) => f.key));
  return {
    findings,
    unexplained: findings.filter((f) => !f.explanation),
    stale: Object.keys(EXPLAINED).filter((key) => !keys.has(key)),
    errors: result.errors.filter((e) => !e.tolerable),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = await scan();
  if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else {
    for (const f of report.findings) {
      console.log(
        `${f.explanation ? 'explained' : 'FINDING  '} ${f.severity} ${f.id} ${f.file}:${f.line}` +
          (f.explanation ? ` - ${f.explanation}` : ` - ${f.description}`),
      );
    }
    for (const key of report.stale) console.log(`stale explanation (finding gone): ${key}`);
    for (const e of report.errors) console.log(`scan error: ${e.file}: ${e.message}`);
  }
  process.exit(report.unexplained.length || report.errors.length ? 1 : 0);
}
