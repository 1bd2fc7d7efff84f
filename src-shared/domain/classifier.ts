/**
 * Codes of the national thematic classifier: four or five blocks of four digits,
 * раздел.тематика.тема.вопрос[.уточнение]; levels 1–3 are padded with zero blocks.
 */
export const CLASSIFIER_CODE = /^\d{4}\.\d{4}\.\d{4}\.\d{4}(\.\d{4})?$/;

/** The section (level 1) code a node belongs to, e.g. 0005.0000.0000.0000. */
export function sectionOf(code: string): string {
  return `${code.slice(0, 4)}.0000.0000.0000`;
}

/** The theme (level 2) code a node belongs to, or null for a section itself. */
export function themeOf(code: string): string | null {
  return code.slice(5, 9) === '0000' ? null : `${code.slice(0, 9)}.0000.0000`;
}

export function levelOf(code: string): number {
  const blocks = code.split('.');
  if (blocks.length === 5) return 5;
  const firstZero = blocks.findIndex((b, i) => i > 0 && b === '0000');
  return firstZero === -1 ? 4 : firstZero;
}
