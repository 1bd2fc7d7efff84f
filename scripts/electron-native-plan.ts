/**
 * What `scripts/electron-native.ts` decides, as plain functions (issue 19): whether the
 * Electron build of better-sqlite3 in .native/electron is current, and how to make it. The
 * download and compile steps themselves need the internet and run on a developer's machine;
 * these decisions are unit-tested everywhere (test/unit/electron-native.test.ts).
 */
export interface NativeTarget {
  electronVersion: string;
  sqliteVersion: string;
  arch: string;
}

/** The stamp written beside the binary: which Electron, better-sqlite3 and CPU it was built for. */
export function stampOf(target: NativeTarget): string {
  return JSON.stringify({
    electronVersion: target.electronVersion,
    sqliteVersion: target.sqliteVersion,
    arch: target.arch,
  });
}

/**
 * Reuse the binary when its stamp says it was built for exactly this target and the binary is
 * there; otherwise build. A damaged stamp, another Electron, another better-sqlite3 or another
 * CPU architecture means a build.
 */
export function needsBuild(
  target: NativeTarget,
  stampText: string | null,
  binaryExists: boolean,
): boolean {
  if (!binaryExists || stampText === null) return true;
  return stampText.trim() !== stampOf(target);
}

export interface Step {
  command: string;
  args: string[];
  /** Tried only when the step before it failed. */
  fallback: boolean;
}

/**
 * How to build: a prebuilt binary for this Electron first (prebuild-install, quick), else
 * node-gyp against Electron's headers (a C++ toolchain). Both name the runtime and target
 * explicitly, so neither can pick up Node's ABI by mistake.
 */
export function buildSteps(target: NativeTarget, bin: (name: string) => string): Step[] {
  return [
    {
      command: bin('prebuild-install'),
      args: ['--runtime=electron', `--target=${target.electronVersion}`, `--arch=${target.arch}`],
      fallback: false,
    },
    {
      command: 'npx',
      args: [
        '--yes',
        'node-gyp',
        'rebuild',
        '--release',
        `--target=${target.electronVersion}`,
        `--arch=${target.arch}`,
        '--dist-url=https://electronjs.org/headers',
        '--runtime=electron',
      ],
      fallback: true,
    },
  ];
}

/** The copy of the package to build in: everything but an earlier build (the Node one). */
export function copyFilter(source: string, sep = '/'): boolean {
  return !source.includes(`better-sqlite3${sep}build`);
}
