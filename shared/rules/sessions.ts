// User sessions: the timeout the guide lists among RWS's protections, and the session cookie's
// flags where a file carries a jetty.cookies section.
import type { OptionPath } from '../catalog/options';
import { asBoolean, defineRule, sslEnabled, wholeNumber } from './rule';

const TIMEOUT: OptionPath = 'jetty.sessionMaxInactiveInterval';
const SAMPLE_TIMEOUT = 1800;

export const sessionsRule = defineRule({
  name: 'sessions',
  findings: {
    'session-never-expires': {
      severity: 'warning',
      summary: 'jetty.sessionMaxInactiveInterval is 0 or negative: user sessions never expire',
    },
    'session-cookie-not-secure': {
      severity: 'warning',
      summary:
        'HTTPS is on but jetty.cookies.secure is not true (the session cookie may travel over plain HTTP)',
    },
  },
  check(view, report) {
    const timeout = wholeNumber(view, TIMEOUT);
    if (timeout !== undefined && timeout <= 0) {
      report({
        id: 'session-never-expires',
        path: TIMEOUT,
        message: `sessionMaxInactiveInterval is ${timeout}: zero or a negative number means user sessions never expire, so a session left open stays usable indefinitely.`,
        fix: `Set a timeout in seconds; the GWS sample uses ${SAMPLE_TIMEOUT} (30 minutes).`,
        quickFix: {
          label: `Set the session timeout to ${SAMPLE_TIMEOUT} seconds`,
          edits: [{ path: TIMEOUT, value: SAMPLE_TIMEOUT }],
        },
      });
    }
    if (view.keys('jetty.cookies') === undefined || !sslEnabled(view)) return;
    if (asBoolean(view.get('jetty.cookies.secure')) === true) return;
    const present = view.has('jetty.cookies.secure');
    report({
      id: 'session-cookie-not-secure',
      path: present ? 'jetty.cookies.secure' : 'jetty.cookies',
      message: `HTTPS is on but jetty.cookies.secure is ${present ? String(view.get('jetty.cookies.secure')) : 'not set'}: browsers also send the session cookie over plain HTTP, where anyone on the network can read it.`,
      fix: 'Set jetty.cookies.secure to true so the cookie travels over HTTPS only.',
      quickFix: {
        label: 'Set jetty.cookies.secure to true',
        edits: [{ path: 'jetty.cookies.secure', value: true }],
      },
    });
  },
});
