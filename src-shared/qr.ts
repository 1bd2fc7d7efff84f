import { create } from 'qrcode';

/**
 * A QR code's modules, row by row (true: dark), error correction M (a printed code still reads
 * with a corner torn or smudged), as every side draws it: the kiosk's thank-you screen, the
 * paper form's corner, the central's SVG and PNG. The encoder is the `qrcode` package's; the
 * drawing is ours, once.
 */
export function qrModules(text: string): boolean[][] {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const rows: boolean[][] = [];
  for (let r = 0; r < modules.size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < modules.size; c++) row.push(modules.get(r, c) === 1);
    rows.push(row);
  }
  return rows;
}

/** The quiet zone the standard asks for around a code, in modules. */
export const QR_MARGIN = 4;

/**
 * An SVG path of the dark modules (one `M x y h1 v1 h-1 z` square each, runs of a row merged),
 * in a coordinate system of one unit per module with the quiet zone included.
 */
export function qrPath(modules: boolean[][]): { size: number; d: string } {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length;) {
      if (!row[x]) {
        x++;
        continue;
      }
      let end = x;
      while (end < row.length && row[end]) end++;
      parts.push(`M${x + QR_MARGIN} ${y + QR_MARGIN}h${end - x}v1h${x - end}z`);
      x = end;
    }
  });
  return { size: modules.length + 2 * QR_MARGIN, d: parts.join('') };
}

/** A whole SVG document of the code: dark on white, crisp at any print size. */
export function qrSvg(text: string, title: string): string {
  const { size, d } = qrPath(qrModules(text));
  const esc = title.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" ` +
    `shape-rendering="crispEdges" role="img"><title>${esc}</title>` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}
