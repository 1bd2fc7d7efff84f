import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELEASE_FILE } from '../../src-shared/updates/feed';

/**
 * The desk installers' configuration (electron-builder.yml). Building them needs Electron's
 * binary, which these machines cannot download, so `npm run dist` is not run here; what can be
 * checked without it is: electron-builder's own schema accepts the file, and the file agrees
 * with what the shell loads (resources, the Electron build of better-sqlite3) and with what the
 * central's update feed accepts (file names).
 */
// The slice of electron-builder's Configuration these tests read.
interface BuilderConfig {
  nsis: Record<string, unknown>;
  win: { target: unknown; artifactName: string };
  linux: { target: unknown; artifactName: string };
  appImage: { artifactName: string };
  publish: unknown;
  npmRebuild: boolean;
  extraResources: unknown;
}
const ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(dir: string, path: string | null, extra: null): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown };

describe('the desk installers (electron-builder.yml; built on a machine with internet)', () => {
  it('passes electron-builder’s own schema, which refuses a mistyped key', async () => {
    const config = await getConfig(ROOT, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...config, nsis: { ...config.nsis, perMachin: true } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/does not match the API schema/);
  });

  it('installs per machine in Russian on Windows; AppImage, .deb and .rpm on Linux', async () => {
    const config = await getConfig(ROOT, null, null);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      installerLanguages: ['ru_RU'],
      language: '1049',
      deleteAppDataOnUninstall: false,
    });
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'rpm']);
    // The feed files (latest.yml) are written only for a configured provider.
    expect(config.publish).toEqual([expect.objectContaining({ provider: 'generic' })]);
  });

  it('names its files so that the central takes them as a release', async () => {
    const config = await getConfig(ROOT, null, null);
    const names = [
      [config.win.artifactName, 'exe', 'x64'],
      [config.linux.artifactName, 'deb', 'amd64'],
      [config.linux.artifactName, 'rpm', 'x86_64'],
      [config.appImage.artifactName, 'AppImage', 'x86_64'],
    ].map(([pattern, ext, arch]) =>
      String(pattern)
        .replace('${version}', '1.2.3')
        .replace('${ext}', ext!)
        .replace('${arch}', arch!),
    );
    for (const name of names) expect(name).toMatch(RELEASE_FILE);
  });

  it('packs what the shell loads: the resources and the Electron build of better-sqlite3', async () => {
    const config = await getConfig(ROOT, null, null);
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toEqual(
      expect.arrayContaining([
        { from: '.native/electron/better_sqlite3.node', to: 'native/better_sqlite3.node' },
        expect.objectContaining({ from: 'resources', to: 'resources' }),
      ]),
    );
    const shell = readFileSync(resolve(ROOT, 'src-main/shell/native-binding.ts'), 'utf8');
    expect(shell).toContain("join(process.resourcesPath, 'native', 'better_sqlite3.node')");
    expect(readFileSync(resolve(ROOT, 'src-main/shell/main.ts'), 'utf8')).toContain(
      "join(process.resourcesPath, 'resources')",
    );
    // The icon electron-builder makes the .ico and the Linux sizes from: a 512×512 PNG.
    const png = readFileSync(resolve(ROOT, 'resources/build/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
