/** '2026-03-31' → '31.03.2026', as Russian documents write dates. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** '2026-03-31T10:05' → '31.03.2026 10:05'. */
export function formatDateTime(local: string): string {
  return `${formatDate(local)} ${local.slice(11, 16)}`;
}
