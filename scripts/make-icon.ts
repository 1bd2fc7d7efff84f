import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodePng } from '../src-shared/node/png';

/**
 * Draws the application's icon (resources/build/icon.png, 512×512): a speech bubble with a tick
 * on the interface's blue — an answer given. Drawn by code so that it is reproducible and needs
 * no image tool; electron-builder makes the Windows .ico and the Linux sizes from it.
 * `npx tsx scripts/make-icon.ts` rewrites it.
 */
const N = 512;
const BLUE = [0x18, 0x64, 0xab];
const WHITE = [0xff, 0xff, 0xff];

function roundedRect(
  x: number,
  y: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}
function inTriangle(px: number, py: number, [a, b, c]: [number, number][]) {
  const s = (p: [number, number], q: [number, number]) =>
    (px - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (py - q[1]);
  const d1 = s(a!, b!);
  const d2 = s(b!, c!);
  const d3 = s(c!, a!);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}
function nearSegment(px: number, py: number, [ax, ay]: number[], [bx, by]: number[], w: number) {
  const t = Math.max(
    0,
    Math.min(
      1,
      ((px - ax!) * (bx! - ax!) + (py - ay!) * (by! - ay!)) / ((bx! - ax!) ** 2 + (by! - ay!) ** 2),
    ),
  );
  return (px - (ax! + t * (bx! - ax!))) ** 2 + (py - (ay! + t * (by! - ay!))) ** 2 <= w * w;
}
/** The colour at a point, or null outside the icon. */
function colour(x: number, y: number): number[] | null {
  if (!roundedRect(x, y, 16, 16, 496, 496, 96)) return null;
  const bubble =
    roundedRect(x, y, 96, 112, 416, 352, 56) ||
    inTriangle(x, y, [
      [160, 340],
      [250, 340],
      [150, 420],
    ]);
  if (!bubble) return BLUE;
  const tick =
    nearSegment(x, y, [176, 236], [234, 292], 22) || nearSegment(x, y, [234, 292], [340, 172], 22);
  return tick ? BLUE : WHITE;
}

const raw = Buffer.alloc(N * (N * 4 + 1));
const SS = 4; // 4×4 samples a pixel: smooth edges
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  for (let x = 0; x < N; x++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < SS; sy++)
      for (let sx = 0; sx < SS; sx++) {
        const c = colour(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        if (!c) continue;
        r += c[0]!;
        g += c[1]!;
        b += c[2]!;
        a++;
      }
    const o = y * (N * 4 + 1) + 1 + x * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((a / (SS * SS)) * 255);
  }
}

const png = encodePng(N, N, 4, raw);
const dir = resolve(import.meta.dirname, '../resources/build');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'icon.png'), png);
console.log(`resources/build/icon.png: ${png.length} bytes`);
