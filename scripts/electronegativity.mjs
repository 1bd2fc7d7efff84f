// Runs @doyensec/electronegativity over the Electron shell and fails on any HIGH finding.
// The tool tries to fetch Electron's release list; offline it warns and goes on, which is fine
// because we pass the Electron version ourselves.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const report = join(dir, 'report.csv');
try {
  execFileSync(
    process.execPath,
    [
      require.resolve('@doyensec/electronegativity/dist/index.js'),
      ...['-i', 'src-main/shell', '-o', report, '-r', '-v', 'false', '-e', electronVersion],
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 },
  );
  const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  const high = rows.filter((r) => r.split(',')[1] === '"HIGH"');
  for (const row of rows) console.log(row);
  console.log(
    `electronegativity: ${rows.length} findings, ${high.length} high (Electron ${electronVersion})`,
  );
  if (high.length > 0) process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
