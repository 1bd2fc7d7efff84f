/**
 * A name-based UUID (RFC 9562 version 5 layout over SHA-1): the same name, the same id on
 * every desk and at the central server. The SHA-1 comes from the caller (this module runs
 * anywhere and imports no Node module).
 */
export function nameUuidWith(sha1: (text: string) => Uint8Array, name: string): string {
  const b = Uint8Array.from(sha1(name).subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The id of a built-in questionnaire's version, the same everywhere (docs/sync.md). */
export const builtinTemplateName = (key: string, version = 1) => `otklik:builtin:${key}:${version}`;
export const builtinFamilyName = (key: string) => `otklik:builtin-family:${key}`;

/**
 * The campaign a fresh desk runs its kiosk and paper entry in until an administrator sets
 * others: the built-in seed 003 questionnaire, the same campaign id on every desk.
 */
export const DEFAULT_CAMPAIGN_TEMPLATE_KEY = 'service-satisfaction-003';
export const defaultCampaignName = () => `otklik:default-campaign:${DEFAULT_CAMPAIGN_TEMPLATE_KEY}`;
