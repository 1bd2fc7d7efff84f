// Builds better-sqlite3 for Electron's ABI into .native/electron/, leaving node_modules' Node
// build alone, so `npm start` (Electron) and `npm test` (Node) both work in either order.
// Needs the internet (Electron's headers or a prebuilt binary); skips work already done.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const sqliteVersion = require('better-sqlite3/package.json').version;
const outDir = join('.native', 'electron');
const stamp = join(outDir, 'stamp.json');
const wanted = JSON.stringify({ electronVersion, sqliteVersion, arch: process.arch });

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) {
  console.log(`better-sqlite3 for Electron ${electronVersion}: up to date`);
  process.exit(0);
}

const work = join('.native', 'build', 'better-sqlite3');
rmSync(work, { recursive: true, force: true });
mkdirSync(join('.native', 'build'), { recursive: true });
cpSync(join('node_modules', 'better-sqlite3'), work, {
  recursive: true,
  filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
});
const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion };
const bin = (name) => join(process.cwd(), 'node_modules', '.bin', name);
try {
  execFileSync(bin('prebuild-install'), ['--runtime=electron', `--target=${electronVersion}`], {
    cwd: work,
    stdio: 'inherit',
    env,
  });
} catch {
  console.log('no prebuilt binary: compiling against Electron headers');
  execFileSync(
    'npx',
    [
      '--yes',
      'node-gyp',
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
    ],
    { cwd: work, stdio: 'inherit', env },
  );
}
mkdirSync(outDir, { recursive: true });
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(outDir, 'better_sqlite3.node'));
writeFileSync(stamp, wanted);
rmSync(join('.native', 'build'), { recursive: true, force: true });
console.log(`better-sqlite3 for Electron ${electronVersion}: built into ${outDir}`);
