import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DB_FILE } from '../index';
import { RESOURCES, tempDir } from '../../../test/helpers/temp-core';

const dirs: ReturnType<typeof tempDir>[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

describe('WAL checkpoints', () => {
  it('are left to the timer, not to the commit that crosses a threshold', () => {
    const d = tempDir();
    dirs.push(d);
    const core = createCore({ dataDir: d.dir, resourcesDir: RESOURCES, version: 't' });
    expect(core.db.pragma('wal_autocheckpoint', { simple: true })).toBe(20000);
    expect(core.db.pragma('journal_mode', { simple: true })).toBe('wal');
    core.close();
  });

  it('empty the WAL between saves', async () => {
    const d = tempDir();
    dirs.push(d);
    const core = createCore({
      dataDir: d.dir,
      resourcesDir: RESOURCES,
      version: 't',
      checkpointIntervalMs: 50,
    });
    const wal = join(d.dir, `${DB_FILE}-wal`);
    core.dispatch('officials.save', {
      fullName: 'Петров П. П.',
      position: 'Министр',
      active: true,
    });
    expect(statSync(wal).size).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(statSync(wal).size).toBe(0);
    core.close();
  });
});
