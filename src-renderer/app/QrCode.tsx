import { useMemo } from 'react';
import { qrModules, qrPath } from '../../src-shared/qr';

/**
 * A QR code drawn as SVG from the shared encoder (src-shared/qr.ts): the kiosk's thank-you
 * screen and the printed paper form. Offline: nothing is fetched.
 */
export function QrCode({ value, size, label }: { value: string; size: number; label: string }) {
  const { size: units, d } = useMemo(() => qrPath(qrModules(value)), [value]);
  return (
    <svg
      viewBox={`0 0 ${units} ${units}`}
      width={size}
      height={size}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-qr={value}
    >
      <rect width={units} height={units} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
