import { describe, expect, it } from 'vitest';
import {
  buildSteps,
  copyFilter,
  needsBuild,
  stampOf,
  type NativeTarget,
} from '../../scripts/electron-native-plan';

/** The decisions of `npm start`'s native step, without the download (issue 19). */
const target: NativeTarget = { electronVersion: '45.4.1', sqliteVersion: '12.11.1', arch: 'x64' };

describe('the Electron build of better-sqlite3', () => {
  it('is reused only when its stamp names exactly this target and the binary is there', () => {
    const stamp = stampOf(target);
    expect(needsBuild(target, stamp, true)).toBe(false);
    expect(needsBuild(target, `${stamp}\n`, true)).toBe(false);
    expect(needsBuild(target, stamp, false)).toBe(true);
    expect(needsBuild(target, null, true)).toBe(true);
    expect(needsBuild(target, '{broken', true)).toBe(true);
    for (const other of [
      { ...target, electronVersion: '45.5.0' },
      { ...target, sqliteVersion: '12.12.0' },
      { ...target, arch: 'arm64' },
    ]) {
      expect(needsBuild(other, stamp, true), JSON.stringify(other)).toBe(true);
    }
  });

  it('tries a prebuilt binary for Electron first, then compiles against Electron’s headers', () => {
    const steps = buildSteps(target, (name) => `/repo/node_modules/.bin/${name}`);
    expect(steps.map((s) => [s.command, s.fallback])).toEqual([
      ['/repo/node_modules/.bin/prebuild-install', false],
      ['npx', true],
    ]);
    for (const step of steps) {
      expect(step.args).toContain('--runtime=electron');
      expect(step.args).toContain('--target=45.4.1');
      expect(step.args).toContain('--arch=x64');
    }
    expect(steps[1]!.args).toContain('--dist-url=https://electronjs.org/headers');
  });

  it('builds in a copy of the package without its Node build', () => {
    expect(copyFilter('node_modules/better-sqlite3/src/better_sqlite3.cpp')).toBe(true);
    expect(copyFilter('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false);
    expect(copyFilter('node_modules\\better-sqlite3\\build\\x', '\\')).toBe(false);
  });
});
