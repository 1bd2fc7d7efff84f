import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-core';

/**
 * The central's deployment files (deploy/): the systemd unit is verified by systemd itself
 * where systemd-analyze exists; the Dockerfile and the compose file cannot be built here (no
 * Docker daemon), so they are held to the build they package — the paths, the command, the
 * port — and fail when the build's layout or the server's settings move under them.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(resolve(ROOT, p), 'utf8');
const UNIT = 'deploy/otklik-server.service';
const hasSystemd = spawnSync('systemd-analyze', ['--version']).status === 0;

function verify(unitText: string): { status: number | null; stderr: string } {
  const t = tempDir();
  try {
    const file = join(t.dir, 'otklik-server.service');
    writeFileSync(file, unitText);
    const r = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr };
  } finally {
    t.cleanup();
  }
}

describe('the systemd unit', () => {
  it.skipIf(!hasSystemd)('passes systemd-analyze verify without a warning', () => {
    const unit = read(UNIT);
    // The unit names node at /usr/bin/node, where Debian, Astra and RED OS put it.
    const text = unit.replace('/usr/bin/node', process.execPath);
    expect(verify(text)).toEqual({ status: 0, stderr: '' });
    // The check itself catches a bad line (systemd only warns about it).
    expect(verify(text.replace('Restart=on-failure', 'Restart=sometimes')).stderr).toMatch(
      /restart specifier/,
    );
  });

  it('runs the built server from the folder the build makes, as its own user', () => {
    const unit = read(UNIT);
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node \/opt\/otklik-server\/main\.js$/m);
    expect(unit).toMatch(/^WorkingDirectory=\/opt\/otklik-server$/m);
    expect(unit).toMatch(/^User=otklik$/m);
    expect(unit).toMatch(/^StateDirectory=otklik-server$/m);
    expect(unit).toMatch(/^Environment=OTKLIK_SERVER_DATA=\/var\/lib\/otklik-server$/m);
    const vite = read('vite.server.config.ts');
    expect(vite).toMatch(/main: resolve\(import\.meta\.dirname, 'src-server\/main\.ts'\)/);
    expect(vite).toMatch(/entryFileNames: '\[name\]\.js'/);
  });
});

describe('the Dockerfile and the compose file (written, not built here: no Docker daemon)', () => {
  const docker = read('deploy/Dockerfile');
  const compose = read('deploy/compose.yaml');
  const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

  it('package what npm run build:server makes', () => {
    expect(docker).toMatch(/^RUN npm run build:server$/m);
    expect(pkg.scripts['build:server']).toMatch(/vite\.server\.config\.ts/);
    expect(read('vite.server.config.ts')).toMatch(/'dist-server'/);
    expect(docker).toMatch(/^COPY --from=build \/src\/dist-server\/ \.\/$/m);
    expect(docker).toMatch(/^CMD \["node", "main\.js"\]$/m);
    expect(docker).toMatch(/--omit=dev/);
    expect(docker).toMatch(/^USER otklik$/m);
  });

  it('agree on the port, the data folder and the PostgreSQL the server reads', () => {
    const port = /OTKLIK_SERVER_PORT=(\d+)/.exec(docker)![1];
    expect(docker).toMatch(new RegExp(`^EXPOSE ${port}$`, 'm'));
    expect(compose).toContain(`'${port}:${port}'`);
    expect(docker).toMatch(/OTKLIK_SERVER_DATA=\/var\/lib\/otklik-server/);
    expect(compose).toContain('serverdata:/var/lib/otklik-server');
    expect(compose).toMatch(
      /DATABASE_URL: postgres:\/\/otklik:\$\{POSTGRES_PASSWORD\}@db:5432\/otklik/,
    );
    expect(compose).toMatch(/dockerfile: deploy\/Dockerfile/);
    // The names the server reads (src-server/config.ts) are the ones these files set.
    const config = read('src-server/config.ts');
    for (const name of [
      'OTKLIK_SERVER_DATA',
      'OTKLIK_SERVER_PORT',
      'OTKLIK_SERVER_HOST',
      'OTKLIK_TLS_CERT',
      'OTKLIK_TLS_KEY',
      'DATABASE_URL',
    ])
      expect(config).toContain(`env.${name}`);
    // No secret is written into the compose file.
    expect(compose).toMatch(/POSTGRES_PASSWORD: \$\{POSTGRES_PASSWORD:\?/);
  });
});
