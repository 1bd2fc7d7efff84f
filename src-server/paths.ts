import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Where the central's own files are. Run from the repository (`npm run server`, tsx), this file
 * is src-server/paths.ts: the root is one folder up, the console is built into out/console.
 * Built (`npm run build:server`), everything is one folder, dist-server/: main.js beside
 * console/ and resources/ — the layout the systemd unit and the Dockerfile install. The layout
 * is told apart by what is there, not by an environment variable an installation could miss.
 */
const here = import.meta.dirname;
const built = existsSync(resolve(here, 'resources')) && existsSync(resolve(here, 'main.js'));

export const SERVER_ROOT = built ? here : resolve(here, '..');
export const CONSOLE_DIR = resolve(SERVER_ROOT, built ? 'console' : 'out/console');
export const ONLINE_DIR = resolve(SERVER_ROOT, built ? 'online' : 'out/online');
export const RESOURCES_DIR = resolve(SERVER_ROOT, 'resources');
