import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore, type Core } from '../../src-main/core/index';

export const RESOURCES = resolve(import.meta.dirname, '../../resources');

/** A real core over a real SQLite file in a fresh temp folder; call cleanup() after. */
export function tempCore(now?: () => Date): Core & { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-test-'));
  const core = createCore({ dataDir: dir, resourcesDir: RESOURCES, version: 'test', now });
  return {
    ...core,
    dir,
    cleanup() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
