/**
 * The renderer's Content Security Policy, shared by the Electron shell (response header and
 * meta tag) and the loopback harness. No inline scripts, no remote origins, no eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The online survey's page (issue 18): the same policy, except that the body's own site may
 * show it in a frame (the embed snippet of docs/online-surveys.md).
 */
export const ONLINE_SURVEY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "frame-ancestors 'none'",
  'frame-ancestors *',
);
