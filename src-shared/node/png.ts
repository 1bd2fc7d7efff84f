import { crc32, deflateSync } from 'node:zlib';

/**
 * A PNG file of raw scanlines (each row its filter byte, 0, then its pixels): 8-bit grayscale
 * (`channels` 1) or RGBA (4). Enough for what Otklik draws itself — the app icon
 * (scripts/make-icon.ts) and QR codes (the central's /s/<slug>/qr.png) — without an image library.
 */
export function encodePng(width: number, height: number, channels: 1 | 4, raw: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = channels === 1 ? 0 : 6; // grayscale or RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
