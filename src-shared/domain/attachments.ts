import { z } from 'zod';

/** Scanned documents attached to a card: what they may be and how large. */
export const ATTACHMENT_LIMITS = {
  /** 10 MiB a file: a multi-page scan at 300 dpi in PDF or JPEG. */
  maxBytes: 10 * 1024 * 1024,
  perCard: 20,
  fileName: 255,
} as const;

export const ATTACHMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The type by the file's first bytes (never by its name): a scan is a PDF or an image. */
export function sniffType(bytes: Uint8Array): AttachmentType | null {
  const b = (i: number) => bytes[i];
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) return 'application/pdf';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  if (
    (b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0x00) ||
    (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0x00 && b(3) === 0x2a)
  ) {
    return 'image/tiff';
  }
  return null;
}

/** Base64 of at most maxBytes: 4 characters per 3 bytes. */
export const MAX_BASE64 = Math.ceil(ATTACHMENT_LIMITS.maxBytes / 3) * 4;

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export const attachmentSchema = z.object({
  id: z.uuid(),
  appealId: z.uuid(),
  fileName: z.string(),
  mime: z.enum(ATTACHMENT_TYPES),
  size: z.number().int(),
  sha256: z.string().regex(SHA256_HEX),
  createdAt: z.string(),
  /** When the file reached the central server; null while it waits for the network. */
  uploadedAt: z.string().nullable(),
});
export type Attachment = z.output<typeof attachmentSchema>;
