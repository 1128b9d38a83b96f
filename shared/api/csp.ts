// The Content-Security-Policy of the UI, identical in the Electron window and `rwsec serve`.
// style-src needs 'unsafe-inline': MUI styles through Emotion, which injects <style> elements at
// run time; a per-response nonce is impossible for the Electron app:// protocol's static files.
// Scripts stay 'self' only, so injected markup still cannot run code.
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every UI response by both hosts. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
