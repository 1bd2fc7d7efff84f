// Builds better-sqlite3 for Electron's ABI into .native/electron/, leaving node_modules' Node
// build alone, so `npm start` (Electron) and `npm test` (Node) both work in either order.
// Needs the internet (Electron's headers or a prebuilt binary); skips work already done.
// Its decisions are in electron-native-plan.ts and tested without the internet.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import {
  buildSteps,
  copyFilter,
  needsBuild,
  stampOf,
  type NativeTarget,
} from './electron-native-plan';

const require = createRequire(import.meta.url);
const target: NativeTarget = {
  electronVersion: (require('electron/package.json') as { version: string }).version,
  sqliteVersion: (require('better-sqlite3/package.json') as { version: string }).version,
  arch: process.arch,
};
const outDir = join('.native', 'electron');
const stamp = join(outDir, 'stamp.json');
const binary = join(outDir, 'better_sqlite3.node');

if (
  !needsBuild(target, existsSync(stamp) ? readFileSync(stamp, 'utf8') : null, existsSync(binary))
) {
  console.log(`better-sqlite3 for Electron ${target.electronVersion}: up to date`);
  process.exit(0);
}

const work = join('.native', 'build', 'better-sqlite3');
rmSync(work, { recursive: true, force: true });
mkdirSync(join('.native', 'build'), { recursive: true });
cpSync(join('node_modules', 'better-sqlite3'), work, {
  recursive: true,
  filter: (src) => copyFilter(src, sep),
});
const env = {
  ...process.env,
  npm_config_runtime: 'electron',
  npm_config_target: target.electronVersion,
};
const bin = (name: string) => join(process.cwd(), 'node_modules', '.bin', name);
let built = false;
for (const step of buildSteps(target, bin)) {
  if (built) break;
  if (step.fallback) console.log('no prebuilt binary: compiling against Electron headers');
  try {
    execFileSync(step.command, step.args, { cwd: work, stdio: 'inherit', env });
    built = true;
  } catch (e) {
    if (!step.fallback) continue;
    throw e;
  }
}
mkdirSync(outDir, { recursive: true });
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), binary);
writeFileSync(stamp, stampOf(target));
rmSync(join('.native', 'build'), { recursive: true, force: true });
console.log(`better-sqlite3 for Electron ${target.electronVersion}: built into ${outDir}`);
