/**
 * Cards carry names, addresses and phones (personal data under 152-FZ): they cross the network
 * only over TLS, except to a server on this very machine. Plain http:// to any other host is
 * refused unless an administrator allows it explicitly (docs/security.md).
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

export type ServerUrlCheck = 'tls' | 'loopback' | 'insecure';

export function checkServerUrl(url: string): ServerUrlCheck {
  const u = new URL(url);
  if (u.protocol === 'https:') return 'tls';
  if (u.protocol === 'http:' && isLoopbackHost(u.hostname)) return 'loopback';
  return 'insecure';
}
