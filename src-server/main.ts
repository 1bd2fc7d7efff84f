import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { referenceSchema } from '../src-shared/sync/protocol';
import { PACKAGE_LIMITS, PackageError } from '../src-shared/sync/package';
import { isLoopbackHost } from '../src-shared/sync/transport-security';
import { backupSqlite } from './db/backup';
import { loadPackageKeys } from './domain/package-keys';
import { plainHttpRefusal } from './listen-policy';
import { buildApp } from './app';
import { serverConfig } from './config';
import { openCentralDb } from './db/database';
import { createCentralEdits } from './domain/central-edits';
import { HttpError } from './domain/errors';
import { importPackage } from './domain/import-package';
import { createOffices } from './domain/offices';
import { createWriter } from './domain/write-lock';
import { createCentralSstu } from './domain/sstu';
import { MONTH } from '../src-shared/reports/sstu';
import { createAccounts, newPassword } from './domain/accounts';
import { CONSOLE_ROLE_LABELS, CONSOLE_ROLES, type ConsoleRole } from '../src-shared/console/roles';
import { createReleases } from './domain/updates';
import { PLATFORMS, type Platform } from '../src-shared/updates/feed';

const USAGE = `Центральный сервер «Отклик»

  npm run server                                  запустить сервер
  npm run server -- office create КОД "Название"  создать орган
  npm run server -- office list                   органы
  npm run server -- office sstu КОД UUID          идентификатор органа в ССТУ.РФ
  npm run server -- sstu ГГГГ-ММ [--office КОД,КОД] [--format json|xlsx] [--out ФАЙЛ]
                                                  ежемесячный отчет в ССТУ.РФ: проверки и файл
                                                  (без --office — все органы)
  npm run server -- enroll-code КОД_ОРГАНА [--desk КОД_МЕСТА] [--days 7] [--replace]
                                                  одноразовый код подключения рабочего места
                                                  (1–30 дней; --replace — замена компьютера)
  npm run server -- devices                       подключённые рабочие места
  npm run server -- revoke ID_УСТРОЙСТВА          отозвать доступ
  npm run server -- account create ЛОГИН --role admin|analyst|office_viewer --name "ФИО" [--office КОД]
                                                  пользователь консоли (пароль показывается один раз)
  npm run server -- account reset ЛОГИН           новый пароль пользователя консоли (снимает блокировку)
  npm run server -- account list                  пользователи консоли
  npm run server -- admin create ИМЯ              ключ администратора (для автоматизации /v1/admin/*)
  npm run server -- admin list                    ключи администраторов
  npm run server -- admin revoke ID               отозвать ключ администратора
  npm run server -- reference import ФАЙЛ.ndjson  загрузить справочники
  npm run server -- import ФАЙЛ.otkp [--office КОД]  принять пакет без сети
  npm run server -- package-key                   ключ центра для пакетов рабочих мест без сети
  npm run server -- backup ФАЙЛ                   согласованная копия базы SQLite
  npm run server -- release add ВЕРСИЯ windows|linux ФАЙЛ... [--percent 10] [--office КОД,КОД] [--notes "..."]
                                                  выпуск рабочего места для обновления (сначала 10 %)
  npm run server -- release stage ВЕРСИЯ windows|linux --percent 100 [--office КОД,КОД]
                                                  расширить (или сузить) круг получателей
  npm run server -- release withdraw ВЕРСИЯ windows|linux   отозвать выпуск
  npm run server -- release list                  выпуски и их этапы

Настройки — переменные окружения, см. README («Центральный сервер»).`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    desk: { type: 'string' },
    days: { type: 'string', default: '7' },
    replace: { type: 'boolean', default: false },
    office: { type: 'string' },
    format: { type: 'string', default: 'json' },
    out: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    help: { type: 'boolean', default: false },
    percent: { type: 'string' },
    notes: { type: 'string' },
  },
});

const config = serverConfig();
const [command = 'serve', ...rest] = positionals;

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

if (command === 'serve') {
  await serve();
} else {
  try {
    await runCommand();
    process.exit(0);
  } catch (e) {
    if (e instanceof HttpError || e instanceof PackageError) {
      console.error(`Ошибка: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
}

async function serve() {
  const https =
    config.tlsCert && config.tlsKey
      ? { cert: readFileSync(config.tlsCert), key: readFileSync(config.tlsKey) }
      : null;
  const listenRefusal = plainHttpRefusal(config.host, https !== null, config.allowHttp);
  if (listenRefusal) {
    console.error(`Ошибка: ${listenRefusal}`);
    process.exit(2);
  }
  const central = await openCentralDb(config);
  const app = await buildApp({
    central,
    https,
    rateLimit: config.rateLimit,
    logger: { level: config.logLevel },
    packageKeys: loadPackageKeys(config.packageKeyFile),
    attachmentQuotaBytes: config.attachmentQuotaBytes,
    updatesDir: config.updatesDir,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    onlineSubmitsPerAddress: config.onlineSubmitsPerAddress,
    topicModelHours: config.topicModelHours,
    topicModelWorkers: config.topicModelWorkers,
    // The built server has its build's worker beside it; run from source (npm run server), the
    // build reads the cards in this thread.
    topicWorker: import.meta.url.endsWith('.js')
      ? { entry: new URL('./topic-worker.js', import.meta.url) }
      : null,
  });
  if (!https && !isLoopbackHost(config.host)) {
    app.log.warn('plain HTTP beyond loopback (OTKLIK_ALLOW_HTTP=1): use TLS in production');
  }
  const address = await app.listen({ host: config.host, port: config.port });
  app.log.info(
    {
      address,
      database: central.dialect,
      data: config.databaseUrl ? 'postgres' : config.sqliteFile,
    },
    'otklik central server ready',
  );
  // Printed plainly too: tests and scripts wait for this line.
  console.log(`listening ${address}`);
  console.log(`Консоль: ${address}/console/`);
  const stop = async () => {
    await app.close();
    await central.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function runCommand() {
  const central = await openCentralDb(config);
  const write = createWriter(central);
  const offices = createOffices(central.db, write);
  try {
    const [a, b] = rest;
    switch (command) {
      case 'office':
        if (a === 'create' && b) {
          const o = await offices.createOffice(b, rest.slice(2).join(' '));
          console.log(`Орган создан: ${o.code} — ${o.name} (${o.id})`);
        } else if (a === 'list') {
          for (const o of await offices.listOffices()) {
            console.log(`${o.code}\t${o.name}\t${o.sstu_department_id ?? 'ССТУ: не указан'}`);
          }
        } else if (a === 'sstu' && b) {
          const r = await offices.setSstuDepartment(b, rest[2] ?? null);
          console.log(`Идентификатор ${r.code} в ССТУ.РФ: ${r.departmentId ?? 'не указан'}`);
        } else console.log(USAGE);
        return;
      case 'enroll-code': {
        if (!a) return console.log(USAGE);
        const c = await offices.createEnrollmentCode(
          a,
          values.desk ?? null,
          Number(values.days),
          values.replace,
        );
        console.log(`Код подключения для ${c.office}: ${c.code} (действует до ${c.expiresAt})`);
        return;
      }
      case 'devices':
        for (const d of await offices.listDevices()) {
          console.log(
            `${d.id}\t${d.office}\t${d.desk_code ?? '-'}\t${d.name}\t${d.enrolled_at}\t${d.revoked_at ? `отозван ${d.revoked_at}` : 'действует'}` +
              (d.clone_suspected_at
                ? `\tВНИМАНИЕ: возможна копия диска (${d.clone_suspected_at})`
                : ''),
          );
        }
        return;
      case 'revoke':
        if (!a) return console.log(USAGE);
        await offices.revoke(a);
        console.log(`Доступ устройства ${a} отозван.`);
        return;
      case 'account': {
        const accounts = createAccounts(central.db, write, () => new Date());
        if (a === 'create' && b) {
          const role = values.role as ConsoleRole;
          if (!CONSOLE_ROLES.includes(role)) {
            throw new HttpError(400, 'bad_request', `Роль: ${CONSOLE_ROLES.join(', ')}.`);
          }
          const password = newPassword();
          const account = await accounts.create({
            login: b,
            name: values.name ?? b,
            role,
            officeCode: values.office ?? null,
            password,
          });
          await accounts.audit('cli', 'account_created', account.login, { role });
          console.log(`Пользователь ${account.login} (${CONSOLE_ROLE_LABELS[role]}) создан.`);
          console.log(`Пароль (показывается один раз): ${password}`);
        } else if (a === 'reset' && b) {
          const password = newPassword();
          await accounts.resetPassword(b, password);
          await accounts.audit('cli', 'password_reset', b.toLowerCase());
          console.log(`Новый пароль ${b.toLowerCase()} (показывается один раз): ${password}`);
        } else if (a === 'list') {
          for (const u of await accounts.list()) {
            console.log(
              `${u.login}\t${CONSOLE_ROLE_LABELS[u.role]}\t${u.officeCode ?? '-'}\t${u.name}` +
                (u.disabled ? '\tотключён' : u.locked ? '\tзаблокирован' : ''),
            );
          }
        } else console.log(USAGE);
        return;
      }
      case 'admin':
        if (a === 'create' && b) {
          const admin = await offices.createAdmin(b);
          console.log(`Ключ администратора ${admin.id} (показывается один раз): ${admin.token}`);
        } else if (a === 'list') {
          for (const k of await offices.listAdmins()) {
            console.log(
              `${k.id}\t${k.name}\t${k.created_at}\t${k.revoked_at ? `отозван ${k.revoked_at}` : 'действует'}`,
            );
          }
        } else if (a === 'revoke' && b) {
          await offices.revokeAdmin(b);
          console.log(`Ключ администратора ${b} отозван.`);
        } else console.log(USAGE);
        return;
      case 'sstu': {
        if (!a || !MONTH.test(a) || (values.format !== 'json' && values.format !== 'xlsx')) {
          return console.log(USAGE);
        }
        const sstu = createCentralSstu(central.db, write);
        const list = values.office
          ? await Promise.all(values.office.split(',').map((c) => offices.officeByCode(c.trim())))
          : await offices.listOffices();
        const check = await sstu.check(a, list);
        console.log(`Карточек: ${check.cards}, вопросов: ${check.questions}.`);
        for (const r of check.table) console.log(`  ${r.label} (${r.sstu}): ${r.count}`);
        for (const p of check.problems) {
          console.log(`  ! ${p.regNumber}${p.code ? ` ${p.code}` : ''}: ${p.message}`);
        }
        const file = await sstu.file(a, list, values.format, 'cli');
        const out = values.out ?? file.fileName;
        writeFileSync(out, file.data);
        console.log(`Файл записан: ${out} (карточек: ${file.cards}).`);
        return;
      }
      case 'release': {
        const releases = createReleases(config.updatesDir);
        const officeCodes = values.office
          ? values.office.split(',').map((x) => x.trim().toUpperCase())
          : undefined;
        const percent = values.percent === undefined ? undefined : Number(values.percent);
        if (percent !== undefined && !(Number.isInteger(percent) && percent >= 0 && percent <= 100))
          throw new HttpError(
            400,
            'bad_request',
            'Доля рабочих мест (--percent): целое от 0 до 100.',
          );
        if (a === 'list') {
          for (const r of releases.list())
            console.log(
              `${r.version}\t${r.platform}\t${r.withdrawn ? 'отозван' : `${r.stage.percent} %`}\t${r.stage.offices.join(',') || 'все органы'}\t${r.files.map((f) => f.name).join(', ')}`,
            );
          return;
        }
        const version = a === 'add' || a === 'stage' || a === 'withdraw' ? rest[1] : undefined;
        const plat = rest[2] as Platform;
        if (!version || !PLATFORMS.includes(plat)) return console.log(USAGE);
        if (a === 'add') {
          const r = await releases.add({
            platform: plat,
            version,
            files: rest.slice(3),
            percent: percent ?? 10,
            offices: officeCodes ?? [],
            notes: values.notes,
            now: new Date(),
          });
          console.log(
            `Выпуск ${r.version} (${r.platform}) загружен: ${r.stage.percent} % рабочих мест.`,
          );
        } else if (a === 'stage') {
          if (percent === undefined) return console.log(USAGE);
          const r = releases.stage(plat, version, percent, officeCodes);
          console.log(`Выпуск ${r.version} (${r.platform}): ${r.stage.percent} % рабочих мест.`);
        } else {
          releases.withdraw(plat, version);
          console.log(`Выпуск ${version} (${plat}) отозван.`);
        }
        return;
      }
      case 'package-key':
        console.log(loadPackageKeys(config.packageKeyFile).publicKey);
        return;
      case 'backup': {
        if (!a) return console.log(USAGE);
        if (central.dialect !== 'sqlite') {
          throw new HttpError(
            400,
            'bad_request',
            'Для PostgreSQL копию делает pg_dump (см. docs/security.md, «Резервные копии»).',
          );
        }
        await backupSqlite(config.sqliteFile, a);
        console.log(`Копия базы записана: ${a}`);
        return;
      }
      case 'reference': {
        if (a !== 'import' || !b) return console.log(USAGE);
        const edits = createCentralEdits(write);
        const lines = readFileSync(b, 'utf8')
          .split('\n')
          .filter((l) => l.trim());
        const refs = lines.map((line, i) => {
          const r = referenceSchema.safeParse(JSON.parse(line));
          if (!r.success)
            throw new HttpError(
              400,
              'bad_request',
              `Строка ${i + 1}: ${r.error.issues[0]?.message}`,
            );
          return r.data;
        });
        for (const r of refs) await edits.putReference(r);
        console.log(`Загружено записей справочников: ${refs.length}`);
        return;
      }
      case 'import': {
        if (!a) return console.log(USAGE);
        if (statSync(a).size > PACKAGE_LIMITS.fileBytes) {
          throw new PackageError('Пакет больше 256 МБ: такой пакет Otklik не создаёт.');
        }
        const report = await importPackage(
          central.db,
          write,
          loadPackageKeys(config.packageKeyFile),
          readFileSync(a),
          values.office ?? null,
        );
        console.log(
          `Пакет рабочего места ${report.deskCode} (${report.office}): изменений ${report.changes}, ` +
            `анкет ${report.responses}; применено ${report.applied}, уже было ${report.duplicates}, ` +
            `отклонено ${report.refused.length}.`,
        );
        for (const r of report.refused.slice(0, 50)) {
          console.log(`  отклонено: ${r.id ?? `#${r.index}`} — ${r.message}`);
        }
        return;
      }
      default:
        console.log(USAGE);
    }
  } finally {
    await central.close();
  }
}
