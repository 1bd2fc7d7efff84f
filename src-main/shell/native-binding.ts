import { app } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 has one binary per ABI. node_modules holds the Node build (tests, dev:web);
 * the Electron build lives apart, in .native/electron (made by scripts/electron-native.ts on
 * `npm start`) or in the packaged app's resources, so neither build overwrites the other.
 */
export function electronNativeBinding(): string | undefined {
  const candidates = app.isPackaged
    ? [join(process.resourcesPath, 'native', 'better_sqlite3.node')]
    : [join(app.getAppPath(), '.native', 'electron', 'better_sqlite3.node')];
  return candidates.find((file) => existsSync(file));
}
