import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * The second half of `npm run build:server`: makes dist-server/ a folder that runs on its own —
 * package.json with exactly the packages the bundle imports (at the versions the repository's
 * lockfile resolved) and the built-in questionnaires, beside the console built into it. A bundle that imports a
 * package the repository only has as a dev dependency fails the build here, not on a server.
 */
const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist-server');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  version: string;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
};

const bundles = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) =>
  f.endsWith('.js'),
);
const imported = new Set<string>();
for (const file of bundles) {
  const code = readFileSync(join(dist, file), 'utf8');
  for (const m of code.matchAll(
    /(?:^|\n)\s*(?:import|export)[^'"`;]*?from\s*["']([^"'.][^"']*)["']|import\(\s*["']([^"'.][^"']*)["']\s*\)/g,
  )) {
    const spec = (m[1] ?? m[2])!;
    if (spec.startsWith('node:') || builtinModules.includes(spec)) continue;
    imported.add(
      spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!,
    );
  }
}
const missing = [...imported].filter((name) => !pkg.dependencies[name]);
if (missing.length > 0) {
  console.error(
    `The server bundle imports packages that are not dependencies: ${missing.join(', ')}`,
  );
  process.exit(1);
}
const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version: string }>;
};
const dependencies = Object.fromEntries(
  [...imported]
    .sort()
    .map((name) => [
      name,
      lock.packages[`node_modules/${name}`]?.version ?? pkg.dependencies[name],
    ]),
);
writeFileSync(
  join(dist, 'package.json'),
  JSON.stringify(
    {
      name: 'otklik-server',
      version: pkg.version,
      private: true,
      description: 'Otklik central server (built by npm run build:server)',
      type: 'module',
      main: 'main.js',
      engines: pkg.engines,
      scripts: { start: 'node main.js' },
      dependencies,
      allowScripts: { 'better-sqlite3': true },
    },
    null,
    2,
  ) + '\n',
);
cpSync(resolve(root, 'resources/surveys'), join(dist, 'resources/surveys'), { recursive: true });
for (const page of ['console/console.html', 'online/online.html']) {
  if (!existsSync(join(dist, page))) {
    console.error(`dist-server/${page} is missing: npm run build:server builds it`);
    process.exit(1);
  }
}
console.log(
  `dist-server: main.js, console/, online/, resources/surveys, package.json (${[...imported].length} packages)`,
);
