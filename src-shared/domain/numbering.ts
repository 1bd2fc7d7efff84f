/**
 * Registration numbers are unique across every desk of the region even when all of them work
 * offline: each desk has its own code, and the sequence restarts every year per desk.
 * Format: DESK-YYYY-NNNNNN, e.g. "MIN01-2026-000042".
 */
export const DESK_CODE = /^[A-Z0-9]{2,10}$/;
const REG_NUMBER = /^([A-Z0-9]{2,10})-(\d{4})-(\d{6})$/;

export function formatRegNumber(deskCode: string, year: number, seq: number): string {
  if (!DESK_CODE.test(deskCode)) throw new Error(`invalid desk code: ${deskCode}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > 999_999) throw new Error(`invalid seq: ${seq}`);
  return `${deskCode}-${year}-${String(seq).padStart(6, '0')}`;
}

export function parseRegNumber(
  value: string,
): { deskCode: string; year: number; seq: number } | null {
  const match = REG_NUMBER.exec(value);
  if (!match) return null;
  return { deskCode: match[1]!, year: Number(match[2]), seq: Number(match[3]) };
}
