import { z } from 'zod';
import {
  accountCreateSchema,
  accountListSchema,
  accountPasswordSchema,
  auditLogSchema,
  auditQuerySchema,
  consoleCardsSchema,
  enrollmentCodeRequestSchema,
  enrollmentCodeSchema,
  EXPORT_FORMATS,
  loginRequestSchema,
  officeCreateSchema,
  officeOverviewSchema,
  officesTableQuerySchema,
  officesTableSchema,
  passwordChangeSchema,
  packageHistorySchema,
  REFERENCE_ENTITIES,
  referenceRecordsSchema,
  publicationSaveSchema,
  publicationsSchema,
  referenceTemplatesSchema,
  templatePublishSchema,
  packageReportSchema,
  sessionSchema,
  templateListSchema,
} from '../../src-shared/console/api';
import { appealFilterSchema, filterFromParams } from '../../src-shared/domain/appeal-list';
import { deskStatusSchema, type Reference } from '../../src-shared/sync/protocol';
import { parseSurveyDefinition } from '../../src-shared/surveys/validate';
import { surveyDefinitionSchema } from '../../src-shared/surveys/definition';
import {
  officialInputSchema,
  serviceInputSchema,
  type ClassifierNode,
} from '../../src-shared/domain/reference';
import { csvIssueRu, parseClassifierCsv } from '../../src-shared/domain/classifier-csv';
import { campaignInputSchema } from '../../src-shared/surveys/records';
import { randomUUID } from 'node:crypto';
import type { CentralEdits } from '../domain/central-edits';
import { isWholeMonths, periodSchema, type Period } from '../../src-shared/reports/period';
import { roleCan } from '../../src-shared/console/roles';
import { SESSION_COOKIE, newPassword, type Accounts } from '../domain/accounts';
import { listCards } from '../domain/cards';
import { badRequest, forbidden } from '../domain/errors';
import type { Offices } from '../domain/offices';
import { centralMetricsOf, centralOfficesMetrics } from '../domain/reports';
import { regionFile } from '../domain/region-export';
import type { CentralSstu } from '../domain/sstu';
import type { createSurveyReports } from '../domain/survey-reports';
import type { Db, Writer } from '../domain/write-lock';
import type { PackageKeys } from '../domain/package-keys';
import { importPackage } from '../domain/import-package';
import { PACKAGE_LIMITS, PackageError } from '../../src-shared/sync/package';
import { createHash } from 'node:crypto';
import { actorName, route, type Actor, type RouteSpec } from './spec';

const ok = z.object({ ok: z.literal(true) });

export interface ConsoleDeps {
  central: CentralEdits;
  write: Writer;
  packageKeys: PackageKeys;
  db: Db;
  offices: Offices;
  accounts: Accounts;
  sstu: CentralSstu;
  surveys: ReturnType<typeof createSurveyReports>;
  now: () => Date;
  idleMinutes: number;
}

type Office = Awaited<ReturnType<Offices['officeByCode']>>;

/**
 * The offices whose figures an actor asked for and may see: the region (null) or listed offices.
 * An office viewer sees their own office only, whatever the request names.
 */
export async function scopeOffices(
  offices: Offices,
  actor: Actor | null,
  codes: string | undefined,
): Promise<Office[] | null> {
  const asked = [
    ...new Set(
      (codes ?? '')
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  if (asked.length > 200) throw badRequest('Не больше 200 органов в одном запросе.');
  if (actor?.kind === 'account' && !roleCan(actor.account.role, 'reports.region')) {
    const own = actor.account.officeCode;
    if (!own || asked.some((c) => c !== own)) {
      throw forbidden('Вам доступны отчёты только своего органа.');
    }
    return [await offices.officeByCode(own)];
  }
  if (asked.length === 0) return null;
  return Promise.all(asked.map((c) => offices.officeByCode(c)));
}

export function reportPeriod(q: { from: string; to: string }): Period {
  const parsed = periodSchema.safeParse({ from: q.from, to: q.to });
  if (!parsed.success)
    throw badRequest('Период задан неверно: from и to — даты ГГГГ-ММ-ДД, to не раньше from.');
  return parsed.data;
}

const today = (d: Date) => d.toISOString().slice(0, 10);

/** A desk's stored report, or null when absent or unreadable (never a failed page). */
function statusOf(text: string | null) {
  if (!text) return null;
  try {
    const parsed = deskStatusSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** `Secure` always: browsers keep it on https and on http://127.0.0.1 / localhost alike. */
function sessionCookie(value: string, maxAgeSeconds: number) {
  return (
    `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; Secure; SameSite=Strict; ` +
    `Max-Age=${maxAgeSeconds}`
  );
}

/** The console's own routes (docs/console.md): sign-in, accounts, audit, offices, reports. */
export function consoleRoutes(d: ConsoleDeps): RouteSpec[] {
  const accountOf = (actor: Actor | null) => {
    if (actor?.kind !== 'account') throw forbidden('Только для входа через консоль.');
    return actor;
  };
  /** Add or change an official or a service: put as reference data, so every desk gets it. */
  type Input = { id?: string | undefined } & Record<string, unknown>;
  function referenceRoute(
    entity: 'official' | 'service',
    body: z.ZodType<Input>,
    label: string,
    name: (b: Input) => unknown,
  ) {
    return route({
      method: 'POST',
      url: `/v1/console/reference/${entity}`,
      auth: 'admin',
      summary: `Добавить или изменить: ${label} (уходит на все рабочие места)`,
      body,
      response: z.object({ id: z.string() }),
      audit: (ctx, r) => ({
        action: 'reference_saved',
        target: `${label} ${String(name(ctx.body))}`,
        detail: { id: (r as { id: string }).id },
      }),
      handler: async (ctx) => {
        const id = ctx.body.id ?? randomUUID();
        await d.central.putReference({ entity, data: { ...ctx.body, id } } as Reference);
        return { id };
      },
    });
  }

  /** For each record of an entity: how many active desks have pulled its latest edition. */
  async function editionsOnDesks(entity: string) {
    const active = await d.db
      .selectFrom('devices')
      .select('pulled_seq')
      .where('revoked_at', 'is', null)
      .execute();
    const seqs = new Map(
      (
        await d.db
          .selectFrom('change_log')
          .select(['entity_id', (eb) => eb.fn.max('seq').as('seq')])
          .where('type', '=', 'reference')
          .where('entity', '=', entity)
          .groupBy('entity_id')
          .execute()
      ).map((r) => [r.entity_id, Number(r.seq)]),
    );
    return (id: string) => {
      const seq = seqs.get(id) ?? Infinity;
      return {
        desksHave: active.filter((a) => (a.pulled_seq ?? 0) >= seq).length,
        desksTotal: active.length,
      };
    };
  }

  /** The offices table and the region's totals for a period and a scope. */
  async function officesTable(period: Period, scope: Office[] | null) {
    const all = scope ?? (await d.offices.listOffices());
    const t = today(d.now());
    const metricsOf = await centralOfficesMetrics(d.db, period, scope?.map((o) => o.id) ?? null, t);
    // The total of the offices in view, counted by the same rule (not summed shares).
    const region =
      scope?.length === 1
        ? metricsOf(scope[0]!.id)
        : await centralMetricsOf(d.db, period, scope?.map((o) => o.id) ?? null, t);
    return {
      region,
      offices: all.map((o) => ({ code: o.code, name: o.name, metrics: metricsOf(o.id) })),
    };
  }

  return [
    route({
      method: 'POST',
      url: '/v1/console/login',
      auth: 'none',
      summary: 'Вход в консоль: сеансовый cookie (HttpOnly, Secure, SameSite=Strict) и токен CSRF',
      body: loginRequestSchema,
      response: sessionSchema,
      bodyLimit: 4096,
      rateLimit: 10,
      handler: async ({ body, reply }) => {
        const s = await d.accounts.login(body.login, body.password);
        reply.header('set-cookie', sessionCookie(s.token, 12 * 3600));
        return { account: s.account, csrf: s.csrf, idleMinutes: d.idleMinutes };
      },
    }),
    route({
      method: 'GET',
      url: '/v1/console/session',
      auth: 'session',
      summary: 'Текущий сеанс консоли (пользователь и токен CSRF)',
      response: sessionSchema,
      handler: async ({ actor }) => {
        const a = accountOf(actor);
        return { account: a.account, csrf: a.csrf, idleMinutes: d.idleMinutes };
      },
    }),
    route({
      method: 'POST',
      url: '/v1/console/logout',
      auth: 'session',
      summary: 'Выход из консоли',
      response: ok,
      audit: () => ({ action: 'logout' }),
      handler: async ({ actor, reply }) => {
        await d.accounts.logout(accountOf(actor).sessionHash);
        reply.header('set-cookie', sessionCookie('', 0));
        return { ok: true as const };
      },
    }),
    route({
      method: 'POST',
      url: '/v1/console/password',
      auth: 'session',
      summary: 'Сменить свой пароль (другие сеансы завершаются)',
      body: passwordChangeSchema,
      response: ok,
      bodyLimit: 4096,
      audit: () => ({ action: 'password_changed' }),
      handler: async ({ actor, body }) => {
        const a = accountOf(actor);
        await d.accounts.changePassword(a.account.id, body.current, body.next, a.sessionHash);
        return { ok: true as const };
      },
    }),
    route({
      method: 'GET',
      url: '/v1/console/accounts',
      auth: 'admin',
      summary: 'Пользователи консоли',
      response: accountListSchema,
      handler: () => d.accounts.list(),
    }),
    route({
      method: 'POST',
      url: '/v1/console/accounts',
      auth: 'admin',
      summary: 'Создать пользователя консоли; пароль показывается один раз',
      body: accountCreateSchema,
      response: accountPasswordSchema,
      audit: ({ body }) => ({
        action: 'account_created',
        target: body.login.toLowerCase(),
        detail: { role: body.role, office: body.office },
      }),
      handler: async ({ body }) => {
        const password = newPassword();
        const account = await d.accounts.create({
          login: body.login,
          name: body.name,
          role: body.role,
          officeCode: body.office,
          password,
        });
        return { account, password };
      },
    }),
    route({
      method: 'POST',
      url: '/v1/console/accounts/:login/reset',
      auth: 'admin',
      summary: 'Новый пароль пользователя (снимает блокировку, завершает его сеансы)',
      params: z.object({ login: z.string().max(40) }),
      response: accountPasswordSchema,
      audit: ({ params }) => ({ action: 'password_reset', target: params.login }),
      handler: async ({ params }) => {
        const password = newPassword();
        const account = await d.accounts.resetPassword(params.login, password);
        return { account, password };
      },
    }),
    route({
      method: 'POST',
      url: '/v1/console/accounts/:login/disable',
      auth: 'admin',
      summary: 'Отключить или снова включить пользователя',
      params: z.object({ login: z.string().max(40) }),
      body: z.object({ disabled: z.boolean() }).strict(),
      response: ok,
      audit: ({ params, body }) => ({
        action: body.disabled ? 'account_disabled' : 'account_enabled',
        target: params.login,
      }),
      handler: async ({ params, body, actor }) => {
        if (actor?.kind === 'account' && actor.account.login === params.login && body.disabled) {
          throw badRequest('Нельзя отключить самого себя.');
        }
        await d.accounts.setDisabled(params.login, body.disabled);
        return { ok: true as const };
      },
    }),
    route({
      method: 'GET',
      url: '/v1/console/audit',
      auth: 'admin',
      summary: 'Журнал действий администраторов и входов (новые сверху)',
      query: auditQuerySchema,
      response: auditLogSchema,
      handler: ({ query }) => d.accounts.auditLog(query.before ?? null, query.limit),
    }),
    route({
      method: 'GET',
      url: '/v1/console/offices',
      auth: 'admin',
      can: 'reports.office',
      summary: 'Органы и их рабочие места (последняя связь, отзыв, подозрение на копию)',
      response: officeOverviewSchema,
      handler: async ({ actor }) => {
        const scope = await scopeOffices(d.offices, actor, undefined);
        const all = scope ?? (await d.offices.listOffices());
        const ids = all.map((o) => o.id);
        if (ids.length === 0) return [];
        const devices = await d.db
          .selectFrom('devices')
          .select([
            'id',
            'office_id',
            'name',
            'desk_code',
            'enrolled_at',
            'revoked_at',
            'last_seen_at',
            'clone_suspected_at',
            'status',
          ])
          .where('office_id', 'in', ids)
          .orderBy('enrolled_at')
          .execute();
        const counts = await d.db
          .selectFrom('appeals')
          .select(['office_id', d.db.fn.countAll<number>().as('n')])
          .where('office_id', 'in', ids)
          .groupBy('office_id')
          .execute();
        const appeals = new Map(counts.map((c) => [c.office_id, Number(c.n)]));
        return all.map((o) => ({
          id: o.id,
          code: o.code,
          name: o.name,
          sstuDepartmentId: o.sstu_department_id,
          appeals: appeals.get(o.id) ?? 0,
          desks: devices
            .filter((v) => v.office_id === o.id)
            .map((v) => ({
              id: v.id,
              name: v.name,
              deskCode: v.desk_code,
              enrolledAt: v.enrolled_at,
              revokedAt: v.revoked_at,
              lastSeenAt: v.last_seen_at,
              cloneSuspected: v.clone_suspected_at !== null,
              status: statusOf(v.status),
            })),
        }));
      },
    }),
    route({
      method: 'POST',
      url: '/v1/console/offices',
      auth: 'admin',
      summary: 'Создать орган (код, название, идентификатор в ССТУ.РФ)',
      body: officeCreateSchema,
      response: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      audit: ({ body }) => ({
        action: 'office_created',
        target: body.code.toUpperCase(),
        detail: { name: body.name },
      }),
      handler: async ({ body }) => {
        const office = await d.offices.createOffice(body.code, body.name);
        if (body.sstuDepartmentId) {
          await d.offices.setSstuDepartment(office.code, body.sstuDepartmentId);
        }
        return office;
      },
    }),
    route({
      method: 'POST',
      url: '/v1/console/enrollment-codes',
      auth: 'admin',
      summary: 'Одноразовый код подключения рабочего места (или замены компьютера)',
      body: enrollmentCodeRequestSchema,
      response: enrollmentCodeSchema,
      audit: ({ body }) => ({
        action: body.replace ? 'enrollment_code_replace' : 'enrollment_code',
        target: body.office.toUpperCase(),
        detail: { desk: body.desk, days: body.days },
      }),
      handler: ({ body }) =>
        d.offices.createEnrollmentCode(
          body.office,
          body.desk ? body.desk.toUpperCase() : null,
          body.days,
          body.replace,
        ),
    }),
    route({
      method: 'POST',
      url: '/v1/console/devices/:id/revoke',
      auth: 'admin',
      summary: 'Отозвать доступ рабочего места',
      params: z.object({ id: z.uuid() }),
      response: ok,
      audit: ({ params }) => ({ action: 'device_revoked', target: params.id }),
      handler: async ({ params }) => {
        await d.offices.revoke(params.id);
        return { ok: true as const };
      },
    }),
    route({
      method: 'POST',
      url: '/v1/console/packages',
      auth: 'admin',
      summary:
        'Принять пакет рабочего места без сети (тело — файл .otkp как application/octet-stream; office=КОД для пакета неподключённого места)',
      query: z
        .object({ office: z.string().max(10).optional(), name: z.string().max(200).optional() })
        .strict(),
      response: packageReportSchema,
      bodyLimit: PACKAGE_LIMITS.fileBytes,
      audit: ({ query }, result) => {
        const r = result as { deskCode: string; applied: number; refused: unknown[] };
        return {
          action: 'package_imported',
          target: r.deskCode,
          detail: { file: query.name ?? null, applied: r.applied, refused: r.refused.length },
        };
      },
      handler: async ({ query, request, actor }) => {
        const bytes = request.body;
        if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
          throw badRequest('Пришлите файл пакета (.otkp) как application/octet-stream.');
        }
        const record = (r: {
          office: string | null;
          deskCode: string | null;
          changes: number;
          responses: number;
          applied: number;
          duplicates: number;
          refused: number;
          error: string | null;
        }) =>
          d.write((tx) =>
            tx
              .insertInto('package_imports')
              .values({
                at: d.now().toISOString(),
                actor: actor ? actorName(actor) : '—',
                file_name: (query.name ?? 'пакет.otkp').slice(0, 200),
                sha256: createHash('sha256').update(bytes).digest('hex'),
                office: r.office,
                desk_code: r.deskCode,
                changes: r.changes,
                responses: r.responses,
                applied: r.applied,
                duplicates: r.duplicates,
                refused: r.refused,
                error: r.error,
              })
              .execute(),
          );
        try {
          const report = await importPackage(
            d.db,
            d.write,
            d.packageKeys,
            bytes,
            query.office ?? null,
            d.now,
          );
          await record({ ...report, refused: report.refused.length, error: null });
          return report;
        } catch (e) {
          if (e instanceof PackageError) {
            await record({
              office: query.office ?? null,
              deskCode: null,
              changes: 0,
              responses: 0,
              applied: 0,
              duplicates: 0,
              refused: 0,
              error: e.message,
            });
            throw badRequest(e.message);
          }
          throw e;
        }
      },
    }),
    route({
      method: 'GET',
      url: '/v1/console/packages',
      auth: 'admin',
      summary: 'История принятых пакетов (новые сверху)',
      response: packageHistorySchema,
      handler: async () =>
        (
          await d.db
            .selectFrom('package_imports')
            .selectAll()
            .orderBy('seq', 'desc')
            .limit(200)
            .execute()
        ).map((r) => ({
          seq: Number(r.seq),
          at: r.at,
          actor: r.actor,
          fileName: r.file_name,
          office: r.office,
          deskCode: r.desk_code,
          changes: r.changes,
          responses: r.responses,
          applied: r.applied,
          duplicates: r.duplicates,
          refused: r.refused,
          error: r.error,
        })),
    }),
    route({
      method: 'GET',
      url: '/v1/console/reference/:entity',
      auth: 'admin',
      summary: 'Должностные лица, услуги или опросы центра и сколько рабочих мест их получили',
      params: z.object({ entity: z.enum(REFERENCE_ENTITIES) }),
      response: referenceRecordsSchema,
      handler: async ({ params }) => {
        const have = await editionsOnDesks(params.entity);
        const rows = await d.db
          .selectFrom('reference_records')
          .select(['entity_id', 'data'])
          .where('entity', '=', params.entity)
          .execute();
        return rows.map((r) => ({
          id: r.entity_id,
          data: JSON.parse(r.data) as Record<string, unknown>,
          ...have(r.entity_id),
        }));
      },
    }),
    referenceRoute('official', officialInputSchema, 'должностное лицо', (b) => b.fullName),
    referenceRoute('service', serviceInputSchema, 'услуга', (b) => b.title),
    route({
      method: 'POST',
      url: '/v1/console/reference/classifier',
      auth: 'admin',
      summary:
        'Новая редакция тематического классификатора (CSV code;title;parent_code;level): изменённые и новые узлы, исчезнувшие помечаются выведенными',
      body: z.object({ csv: z.string().max(4 * 1024 * 1024) }).strict(),
      response: z.object({
        nodes: z.number().int(),
        written: z.number().int(),
        retired: z.number().int(),
      }),
      bodyLimit: 5 * 1024 * 1024,
      audit: (_ctx, r) => ({ action: 'classifier_edition', target: null, detail: r }),
      handler: async ({ body }) => {
        const parsed = parseClassifierCsv(body.csv);
        if (parsed.issues.length > 0) {
          throw badRequest(
            `Файл классификатора не принят: ${parsed.issues.slice(0, 5).map(csvIssueRu).join('; ')}.`,
          );
        }
        const inFile = new Set(parsed.nodes.map((n) => n.code));
        const held = await d.db
          .selectFrom('reference_records')
          .select(['entity_id', 'data'])
          .where('entity', '=', 'classifier')
          .execute();
        // A code the new edition no longer has is retired, never deleted: old cards keep it.
        const gone = held
          .filter((r) => !inFile.has(r.entity_id))
          .map((r) => JSON.parse(r.data) as ClassifierNode);
        const retired = gone.map((n) => ({ ...n, retired: true }));
        const written = await d.central.putReferences([
          ...parsed.nodes.map((n) => ({
            entity: 'classifier' as const,
            data: { ...n, retired: false },
          })),
          ...retired.map((n) => ({ entity: 'classifier' as const, data: n })),
        ]);
        return {
          nodes: parsed.nodes.length,
          written,
          retired: gone.filter((n) => !n.retired).length,
        };
      },
    }),
    route({
      method: 'POST',
      url: '/v1/console/reference/campaign',
      auth: 'admin',
      summary:
        'Опрос: анкета, срок, каналы, рабочие места (пусто — все) и услуги; уходит на рабочие места',
      body: campaignInputSchema,
      response: z.object({ id: z.string() }),
      audit: ({ body }, r) => ({
        action: 'reference_saved',
        target: `опрос ${body.title}`,
        detail: { id: (r as { id: string }).id, desks: body.deskCodes },
      }),
      handler: async ({ body }) => {
        await d.surveys.template(body.templateId); // 404 in Russian when unknown
        const id = body.id ?? randomUUID();
        await d.central.putReference({ entity: 'campaign', data: { ...body, id } });
        return { id };
      },
    }),
    route({
      method: 'GET',
      url: '/v1/console/reference/templates',
      auth: 'admin',
      summary: 'Анкеты центра (встроенные и опубликованные) и сколько рабочих мест их получили',
      response: referenceTemplatesSchema,
      handler: async () => {
        const have = await editionsOnDesks('template');
        const desksTotal = have('').desksTotal;
        const refs = await d.db
          .selectFrom('reference_records')
          .select(['entity_id', 'data'])
          .where('entity', '=', 'template')
          .execute();
        const republished = new Set(refs.map((r) => r.entity_id));
        const published = refs.map((r) => {
          const t = JSON.parse(r.data) as {
            familyId: string;
            version: number;
            title: string;
            status: string;
          };
          return {
            id: r.entity_id,
            familyId: t.familyId,
            version: t.version,
            title: t.title,
            status: t.status,
            builtin: false,
            ...have(r.entity_id),
          };
        });
        const shipped = d.surveys
          .shipped()
          .filter((t) => !republished.has(t.id))
          .map((t) => ({
            id: t.id,
            familyId: null,
            version: 1,
            title: t.title,
            status: 'published',
            builtin: true,
            desksHave: desksTotal,
            desksTotal,
          }));
        return [...shipped, ...published];
      },
    }),
    route({
      method: 'GET',
      url: '/v1/console/reference/templates/:id',
      auth: 'admin',
      summary: 'Анкета целиком (для предпросмотра)',
      params: z.object({ id: z.uuid() }),
      response: z.object({ id: z.string(), title: z.string(), definition: surveyDefinitionSchema }),
      handler: async ({ params }) => d.surveys.template(params.id),
    }),
    route({
      method: 'POST',
      url: '/v1/console/reference/templates',
      auth: 'admin',
      summary:
        'Опубликовать анкету (новую или новую версию): проверяется как при импорте на рабочем месте и уходит на все рабочие места со следующей синхронизацией',
      body: templatePublishSchema,
      response: z.object({ id: z.string(), version: z.number().int(), title: z.string() }),
      bodyLimit: 1024 * 1024,
      audit: ({ body }, result) => ({
        action: 'template_published',
        target: (result as { title: string }).title,
        detail: { id: (result as { id: string }).id, familyId: body.familyId },
      }),
      handler: async ({ body }) => {
        const parsed = parseSurveyDefinition(body.definition);
        if (!parsed.ok) {
          throw badRequest(
            'Анкета не прошла проверку: ' +
              parsed.issues
                .slice(0, 5)
                .map((i) => `${i.path || 'анкета'} — ${String(i.params?.detail ?? i.message)}`)
                .join('; '),
          );
        }
        const familyId = body.familyId ?? randomUUID();
        const versions = (
          await d.db
            .selectFrom('reference_records')
            .select('data')
            .where('entity', '=', 'template')
            .execute()
        )
          .map((r) => JSON.parse(r.data) as { familyId: string; version: number })
          .filter((t) => t.familyId === familyId)
          .map((t) => t.version);
        if (body.familyId && versions.length === 0) {
          throw badRequest('Нет анкеты с таким семейством версий.');
        }
        const record = {
          id: randomUUID(),
          familyId,
          version: Math.max(0, ...versions) + 1,
          builtinKey: null,
          title: parsed.definition.title,
          definition: parsed.definition,
          status: 'published' as const,
        };
        await d.central.putReference({ entity: 'template', data: record });
        return { id: record.id, version: record.version, title: record.title };
      },
    }),
    route({
      method: 'GET',
      url: '/v1/console/publications',
      auth: 'admin',
      summary: 'Публикация органа: заметки по кварталам и согласие на публичную страницу',
      query: z.object({ office: z.string().max(10) }).strict(),
      response: publicationsSchema,
      handler: async ({ query }) => {
        const office = await d.offices.officeByCode(query.office);
        const notes = await d.db
          .selectFrom('publications')
          .selectAll()
          .where('office_id', '=', office.id)
          .orderBy('quarter', 'desc')
          .execute();
        return {
          office: office.code,
          publish: office.publish === 1,
          notes: notes.map((n) => ({
            quarter: n.quarter,
            text: n.text,
            updatedAt: n.updated_at,
            updatedBy: n.updated_by,
          })),
        };
      },
    }),
    route({
      method: 'POST',
      url: '/v1/console/publications',
      auth: 'admin',
      summary: '«Что изменено по итогам обратной связи» за квартал (пустой текст снимает заметку)',
      body: publicationSaveSchema,
      response: ok,
      bodyLimit: 32 * 1024,
      audit: ({ body }) => ({
        action: body.text.trim() ? 'publication_saved' : 'publication_removed',
        target: `${body.office.toUpperCase()} ${body.quarter}`,
      }),
      handler: async ({ body, actor }) => {
        const office = await d.offices.officeByCode(body.office);
        const text = body.text.trim();
        await d.write(async (tx) => {
          await tx
            .deleteFrom('publications')
            .where('office_id', '=', office.id)
            .where('quarter', '=', body.quarter)
            .execute();
          if (text) {
            await tx
              .insertInto('publications')
              .values({
                office_id: office.id,
                quarter: body.quarter,
                text,
                updated_at: d.now().toISOString(),
                updated_by: actor ? actorName(actor) : '—',
              })
              .execute();
          }
        });
        return { ok: true as const };
      },
    }),
    route({
      method: 'POST',
      url: '/v1/console/offices/:code/publish',
      auth: 'admin',
      summary: 'Показывать ли итоги органа на публичной странице',
      params: z.object({ code: z.string().max(10) }),
      body: z.object({ publish: z.boolean() }).strict(),
      response: ok,
      audit: ({ params, body }) => ({
        action: body.publish ? 'publication_on' : 'publication_off',
        target: params.code.toUpperCase(),
      }),
      handler: async ({ params, body }) => {
        const office = await d.offices.officeByCode(params.code);
        await d.write((tx) =>
          tx
            .updateTable('offices')
            .set({ publish: body.publish ? 1 : 0 })
            .where('id', '=', office.id)
            .execute(),
        );
        return { ok: true as const };
      },
    }),
    route({
      method: 'GET',
      url: '/v1/console/reports/offices',
      auth: 'admin',
      can: 'reports.office',
      summary: 'Таблица органов: показатели каждого органа за период и итог по региону',
      query: officesTableQuerySchema,
      response: officesTableSchema,
      handler: async ({ query, actor }) =>
        officesTable(reportPeriod(query), await scopeOffices(d.offices, actor, undefined)),
    }),
    route({
      method: 'GET',
      url: '/v1/console/templates',
      auth: 'admin',
      can: 'reports.office',
      summary: 'Анкеты, по которым у центра есть ответы (для результатов анкетирования)',
      response: templateListSchema,
      handler: async () => {
        const answered = new Set(
          (await d.db.selectFrom('report_survey').select('template_id').distinct().execute()).map(
            (r) => r.template_id,
          ),
        );
        return (await d.surveys.templates()).filter((t) => answered.has(t.id));
      },
    }),
    route({
      method: 'GET',
      url: '/v1/console/appeals',
      auth: 'admin',
      can: 'reports.office',
      summary:
        'Карточки за показателем отчёта (те же условия, что у списка рабочего места); ФИО и текст — только ролям с доступом к персональным данным',
      query: z.record(z.string(), z.string().max(200)),
      response: consoleCardsSchema,
      handler: async ({ query, actor, request }) => {
        const params = new URLSearchParams(query);
        const filter = appealFilterSchema.safeParse(filterFromParams(params));
        if (!filter.success) throw badRequest('Условия отбора карточек заданы неверно.');
        const offset = Number(params.get('offset') ?? 0);
        const limit = Number(params.get('limit') ?? 100);
        if (
          !Number.isInteger(offset) ||
          offset < 0 ||
          !Number.isInteger(limit) ||
          limit < 1 ||
          limit > 500
        ) {
          throw badRequest('offset — целое ≥ 0, limit — от 1 до 500.');
        }
        const scope = await scopeOffices(d.offices, actor, params.get('office') ?? undefined);
        const personal =
          actor?.kind === 'key' ||
          (actor?.kind === 'account' && roleCan(actor.account.role, 'personal.view'));
        const page = await listCards(
          d.db,
          d.sstu,
          filter.data,
          scope?.map((o) => o.id) ?? null,
          today(d.now()),
          { offset, limit, personal },
        );
        if (personal && page.items.length) {
          // Personal data shown: who opened which cards is on record.
          request.log.info(
            { actor: actor && actorName(actor), cards: page.items.length },
            'personal data viewed',
          );
        }
        return { ...page, personal };
      },
      audit: (ctx, result) =>
        (result as { personal: boolean; items: unknown[] }).personal &&
        (result as { items: unknown[] }).items.length
          ? {
              action: 'cards_viewed',
              target: ctx.request.url.slice(0, 300),
              detail: { cards: (result as { items: unknown[] }).items.length },
            }
          : null,
    }),
    route({
      method: 'GET',
      url: '/v1/console/export',
      auth: 'admin',
      can: 'reports.office',
      summary:
        'Сводный отчёт файлом: XLSX (таблица органов, лист на показатель, анкеты), справка DOCX (абзац на орган), CSV таблицы органов',
      query: z
        .object({
          format: z.enum(EXPORT_FORMATS),
          from: z.string().max(10),
          to: z.string().max(10),
          office: z.string().max(2000).optional(),
          templateId: z.uuid().optional(),
        })
        .strict(),
      response: z.string(),
      audit: ({ query }) => ({
        action: 'export',
        target: query.office ?? 'регион',
        detail: { format: query.format, from: query.from, to: query.to },
      }),
      handler: async ({ query, actor, reply }) => {
        const period = reportPeriod(query);
        const scope = await scopeOffices(d.offices, actor, query.office);
        const table = await officesTable(period, scope);
        const surveys =
          query.templateId && isWholeMonths(period)
            ? [
                await d.surveys.results(
                  { templateId: query.templateId, period, campaignId: null, serviceId: null },
                  scope?.length === 1 ? scope[0]!.id : null,
                ),
              ]
            : [];
        const file = await regionFile(
          {
            ...table,
            surveys,
            scope: scope === null ? 'регион' : scope.map((o) => o.name).join(', '),
          },
          query.format,
        );
        reply
          .header('content-type', file.type)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'no-store');
        return reply.send(file.data);
      },
    }),
  ];
}
