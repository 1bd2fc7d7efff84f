import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { addDays, localToday } from '../src-shared/domain/dates';
import {
  ANSWER_MODES,
  APPEAL_STATUSES,
  CHANNELS,
  FINAL_STATUSES,
} from '../src-shared/domain/enums';
import { builtinTemplateName, nameUuidWith } from '../src-shared/domain/name-uuid';
import {
  previousQuarter,
  quarterOf,
  quarterPeriod,
  type Period,
} from '../src-shared/reports/period';
import { openCentralDb, type CentralDb } from '../src-server/db/database';
import type { ServerDatabase } from '../src-server/db/schema';
import {
  centralMetrics,
  centralMetricsOf,
  centralOfficesMetrics,
} from '../src-server/domain/reports';
import { createSurveyReports } from '../src-server/domain/survey-reports';
import { rebuildRollups } from '../src-server/db/rollups';
import { startPostgres } from '../test/helpers/pg-server';
import { emit } from './report';

const OFFICES = 100;
const RUNS = 5;
const CODES = [
  '0001.0002.0027.0099',
  '0002.0006.0065.0284',
  '0003.0008.0086.0537',
  '0003.0008.0086.0000',
  '0005.0005.0056.1160',
  '0004.0016.0158.0000',
  '0002.0014.0143.0423',
  '0001.0001.0001.0001',
];
const TEMPLATE = nameUuidWith(
  (t) => createHash('sha1').update(t).digest(),
  builtinTemplateName('service-recipient-000'),
);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const caseOf = (expr: string, values: readonly (string | null)[]) =>
  `CASE ${expr} ${values.map((v, i) => `WHEN ${i} THEN ${v === null ? 'NULL' : `'${v}'`}`).join(' ')} END`;

/**
 * A region generated inside the database (no round trips): `size` cards over 100 offices and
 * two years, 1–2 classifier codes each, half as many survey responses. The same rows on SQLite
 * (recursive CTE) and PostgreSQL (generate_series).
 */
async function seed(
  db: Kysely<ServerDatabase>,
  dialect: 'sqlite' | 'postgres',
  size: number,
  start: string,
) {
  const numbers = (n: number) =>
    dialect === 'sqlite'
      ? `WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ${n - 1}) SELECT i FROM s`
      : `SELECT generate_series(0, ${n - 1}) AS i`;
  const day = (offset: string) =>
    dialect === 'sqlite'
      ? `date('${start}', '+' || (${offset}) || ' days')`
      : `to_char(date '${start}' + (${offset})::int, 'YYYY-MM-DD')`;
  const run = (text: string) => sql.raw(text).execute(db);
  const values = Array.from(
    { length: OFFICES },
    (_, k) => `('o${k}', 'R${String(k).padStart(3, '0')}', 'Орган ${k}', '${start}')`,
  );
  await run(`INSERT INTO offices (id, code, name, created_at) VALUES ${values.join(', ')}`);
  const d = '(((i % 730) * 619) % 730)'; // = (i * 7919) % 730 without overflowing int4;
  const status = caseOf('(i % 7)', APPEAL_STATUSES);
  const final = FINAL_STATUSES.map((s) => `'${s}'`).join(', ');
  await run(`INSERT INTO appeals (id, office_id, desk_code, registered_at, reg_number, data, clocks,
      channel, kind, form, answer_mode, result, status, is_repeat, is_collective, signatory_count,
      due_date, answer_date)
    SELECT 'a' || i, 'o' || (i % ${OFFICES}), 'B1', ${day(d)} || 'T10:00', NULL, '{}', '{}',
      ${caseOf('(i % 10)', CHANNELS)},
      ${caseOf('((i / 7) % 3)', ['proposal', 'statement', 'complaint'])},
      ${caseOf('(i % 2)', ['oral', 'written'])},
      ${caseOf('(i % 5)', [...ANSWER_MODES, null, null])},
      CASE WHEN (i / 7) % 3 = 2 THEN ${caseOf('(i % 13 % 3)', ['supported', 'refused', 'explained'])} END,
      ${status},
      CASE WHEN i % 11 = 0 THEN 1 ELSE 0 END, CASE WHEN i % 23 = 0 THEN 1 ELSE 0 END,
      CASE WHEN i % 23 = 0 THEN 5 END,
      ${day(`${d} + 30`)},
      CASE WHEN ${status} IN (${final}) THEN ${day(`${d} + (i % 40)`)} END
    FROM (${numbers(size)}) n`);
  await run(`INSERT INTO appeal_topics (appeal_id, code, office_id, registered_at)
    SELECT 'a' || i, ${caseOf('(i % 8)', CODES)}, 'o' || (i % ${OFFICES}), ${day(d)} || 'T10:00'
    FROM (${numbers(size)}) n`);
  await run(`INSERT INTO appeal_topics (appeal_id, code, office_id, registered_at)
    SELECT 'a' || i, ${caseOf('((i / 3 + 1) % 8)', CODES)}, 'o' || (i % ${OFFICES}), ${day(d)} || 'T10:00'
    FROM (${numbers(size)}) n WHERE i % 3 = 0 AND (i / 3 + 1) % 8 <> i % 8`);
  await run(`INSERT INTO responses (id, office_id, feed_seq, template_id, campaign_id, service_id,
      channel, office, response_date, complete, answers)
    SELECT 'r' || i, 'o' || (i % ${OFFICES}), i, '${TEMPLATE}', NULL, NULL,
      CASE WHEN i % 3 = 0 THEN 'paper' ELSE 'kiosk' END, 'R' || (i % ${OFFICES}),
      ${day('(((i % 730) * 31) % 730)')}, 1,
      '{"q1":"' || CASE WHEN i % 5 < 3 THEN 'satisfied' ELSE 'not_satisfied' END || '","q2":' || (i % 5 + 1) || '}'
    FROM (${numbers(Math.floor(size / 2))}) n`);
  // Seeded straight into the tables: the roll-ups every push keeps are built once here.
  const built = performance.now();
  await rebuildRollups(db);
  emit('central', `${dialect}_rollup_build_s`, (performance.now() - built) / 1000, 's');
  await run('ANALYZE');
}

/** The region's quarter and the offices table, as the console asks for them. */
async function ours(db: Kysely<ServerDatabase>, period: Period, today: string) {
  const surveys = createSurveyReports(db);
  const region = async () => {
    await centralMetrics(db, period, null, today);
    await surveys.results(
      { templateId: TEMPLATE, period, campaignId: null, serviceId: null },
      null,
    );
  };
  const table = async () => {
    await centralOfficesMetrics(db, period, null, today);
    await centralMetricsOf(db, period, null, today);
  };
  const time = async (f: () => Promise<void>) => {
    await f(); // warm-up
    const xs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await f();
      xs.push(performance.now() - s);
    }
    return median(xs);
  };
  return { region: await time(region), table: await time(table) };
}

async function loadDuck(file: string, duck: DuckDBConnection) {
  await duck.run(`CREATE TABLE appeals (id VARCHAR, office_id VARCHAR, registered_at VARCHAR,
    kind VARCHAR, channel VARCHAR, form VARCHAR, answer_mode VARCHAR, status VARCHAR,
    result VARCHAR, due_date VARCHAR, answer_date VARCHAR, is_repeat INTEGER,
    is_collective INTEGER, signatory_count INTEGER)`);
  await duck.run(
    'CREATE TABLE topics (appeal_id VARCHAR, code VARCHAR, office_id VARCHAR, registered_at VARCHAR)',
  );
  await duck.run(`CREATE TABLE responses (office_id VARCHAR, template_id VARCHAR, channel VARCHAR,
    response_date VARCHAR, answers JSON)`);
  const lite = new Database(file, { readonly: true });
  const copy = async (table: string, query: string) => {
    const appender = await duck.createAppender(table);
    for (const row of lite.prepare(query).raw().iterate() as Iterable<unknown[]>) {
      for (const v of row) {
        if (v === null) appender.appendNull();
        else if (typeof v === 'number') appender.appendInteger(v);
        else appender.appendVarchar(String(v));
      }
      appender.endRow();
    }
    appender.closeSync();
  };
  await copy(
    'appeals',
    `SELECT id, office_id, registered_at, kind, channel, form, answer_mode, status, result,
       due_date, answer_date, is_repeat, is_collective, signatory_count FROM appeals`,
  );
  await copy('topics', 'SELECT appeal_id, code, office_id, registered_at FROM appeal_topics');
  await copy(
    'responses',
    'SELECT office_id, template_id, channel, response_date, answers FROM responses',
  );
  lite.close();
}

/** The same counts in DuckDB's SQL: by region, or grouped by office. */
async function duckQueries(
  duck: DuckDBConnection,
  p: Period,
  today: string,
  byOffice: boolean,
  surveys = !byOffice,
) {
  const k = byOffice ? 'office_id' : `'*'`;
  const final = FINAL_STATUSES.map((s) => `'${s}'`).join(', ');
  const inPeriod = `registered_at >= '${p.from}' AND registered_at < '${p.to}U'`;
  await duck.runAndReadAll(`SELECT ${k}, channel, kind, form, answer_mode, result,
      status IN (${final}), status NOT IN (${final}) AND due_date < '${today}',
      is_repeat, is_collective, sum(signatory_count), count(*)
    FROM appeals WHERE ${inPeriod} GROUP BY ALL`);
  for (const len of [4, 9]) {
    await duck.runAndReadAll(`SELECT ${k}, substr(code, 1, ${len}), count(DISTINCT appeal_id)
      FROM topics WHERE ${inPeriod} GROUP BY ALL`);
  }
  await duck.runAndReadAll(`SELECT ${k}, answer_date, substr(registered_at, 1, 10),
      due_date IS NULL OR answer_date <= due_date, count(*)
    FROM appeals WHERE answer_date >= '${p.from}' AND answer_date <= '${p.to}' GROUP BY ALL`);
  if (surveys) {
    for (const period of [p, previousQuarter(p)]) {
      await duck.runAndReadAll(`SELECT j.key, j.value::VARCHAR, count(*)
        FROM (SELECT answers FROM responses WHERE template_id = '${TEMPLATE}'
          AND response_date BETWEEN '${period.from}' AND '${period.to}') r,
        json_each(r.answers) j GROUP BY 1, 2`);
    }
  }
}

/**
 * Issue 15's figures: a region of 100 offices, `size` cards (20,000 per office by default) and
 * half as many survey responses, on the central's SQLite and PostgreSQL; the quarter for the
 * whole region (the seven metrics and the survey results) and the offices table, beside DuckDB
 * running the same aggregates on the same rows in the same run. The SQLite region is kept in
 * bench/.data and reused.
 */
export async function runCentralBench(size: number) {
  const today = localToday();
  const start = addDays(today, -730);
  const q = quarterOf(today);
  const period = previousQuarter(quarterPeriod(q.year, q.quarter)); // the last full quarter
  const dir = resolve(import.meta.dirname, '.data', `central-${size}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'central.sqlite');
  const fresh = !existsSync(file);
  const targets: { name: string; central: CentralDb; stop?: () => void; fresh: boolean }[] = [];
  const opening = performance.now();
  targets.push({ name: 'sqlite', central: await openCentralDb({ sqliteFile: file }), fresh });
  // A region kept from an earlier run is migrated here (0070 builds its roll-ups from the cards).
  emit('central', 'sqlite_open_s', (performance.now() - opening) / 1000, 's');
  // OTKLIK_BENCH_POSTGRES=0: SQLite and DuckDB only (PostgreSQL seeds the region afresh).
  const pg =
    process.env.OTKLIK_BENCH_POSTGRES === '0'
      ? null
      : await startPostgres().catch((e: unknown) => {
          process.stderr.write(`PostgreSQL not available (${String(e)}): SQLite only\n`);
          return null;
        });
  if (pg) {
    const url = pg.newDatabase();
    targets.push({
      name: 'postgres',
      central: await openCentralDb({ databaseUrl: url, sqliteFile: join(dir, 'unused.sqlite') }),
      stop: () => pg.stop(),
      fresh: true,
    });
  }
  for (const t of targets) {
    if (t.fresh) {
      process.stderr.write(`seeding ${size} cards and ${size / 2} responses on ${t.name}…\n`);
      const s = performance.now();
      await seed(t.central.db, t.central.dialect, size, start);
      emit('central', `${t.name}_seed_s`, (performance.now() - s) / 1000, 's');
    }
    const n = await sql<{ n: number }>`SELECT count(*) AS n FROM appeals
      WHERE registered_at >= ${period.from} AND registered_at < ${`${period.to}U`}`.execute(
      t.central.db,
    );
    emit('central', `${t.name}_quarter_appeals`, Number(n.rows[0]!.n), 'appeals');
    const r = await ours(t.central.db, period, today);
    emit(
      'central',
      t.name === 'sqlite' ? 'region_report_ms' : 'pg_region_report_ms',
      r.region,
      'ms',
    );
    emit(
      'central',
      t.name === 'sqlite' ? 'offices_table_ms' : 'pg_offices_table_ms',
      r.table,
      'ms',
    );
    await t.central.close();
    t.stop?.();
  }
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  const loadStart = performance.now();
  await loadDuck(file, duck);
  emit('central', 'duckdb_load_s', (performance.now() - loadStart) / 1000, 's');
  for (const [metric, byOffice] of [
    ['duckdb_region_report_ms', false],
    ['duckdb_offices_table_ms', true],
  ] as const) {
    // The offices table also gives the region's total row (as the console's does).
    const once = async () => {
      await duckQueries(duck, period, today, byOffice);
      if (byOffice) await duckQueries(duck, period, today, false, false);
    };
    await once();
    const xs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await once();
      xs.push(performance.now() - s);
    }
    emit('central', metric, median(xs), 'ms');
  }
  emit('central', 'rss_mb', process.resourceUsage().maxRSS / 1024, 'MB');
  duck.closeSync();
}
