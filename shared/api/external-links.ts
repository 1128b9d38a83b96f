// The only gate for opening a link outside the app (desktop: shell.openExternal). Pure, so hostile
// input is unit-tested: anything but a plain http(s) URL to a named host is refused.

/** The normalised URL to open, or null when it must not be opened. */
export function externalLinkTarget(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return null;
  // Control characters and whitespace smuggle schemes past naive checks (e.g. "java\tscript:").
  for (const char of raw) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f)) return null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  // user:pass@host links disguise the real host ("https://bank.example@evil.example").
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}
