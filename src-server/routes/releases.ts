import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PLATFORMS, RELEASE_FILE, releaseSchema, VERSION } from '../../src-shared/updates/feed';
import { badRequest } from '../domain/errors';
import type { Releases } from '../domain/updates';
import { route, type RouteSpec } from './spec';

/** Largest installer the console takes (read into memory once, then written to the releases). */
export const INSTALLER_LIMIT = 512 * 1024 * 1024;

const target = z.object({ platform: z.enum(PLATFORMS), version: z.string().regex(VERSION) });
const offices = z
  .string()
  .max(2000)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim().toUpperCase())
      .filter(Boolean),
  );

/**
 * Desk releases in the console (docs/updates.md): the list, a new release from one installer
 * (a multi-file Linux release comes from the CLI), widening its stage, withdrawing it. The
 * administrator's capability only; every change is in the audit log.
 */
export function releaseRoutes(releases: Releases, now: () => Date): RouteSpec[] {
  return [
    route({
      method: 'GET',
      url: '/v1/console/releases',
      auth: 'admin',
      summary: 'Выпуски рабочего места для обновления и их этапы',
      response: z.array(releaseSchema),
      handler: async () => releases.list(),
    }),
    route({
      method: 'POST',
      url: '/v1/console/releases',
      auth: 'admin',
      summary:
        'Загрузить выпуск (тело — установщик как application/octet-stream; platform, version, name, percent, offices)',
      query: target
        .extend({
          name: z.string().regex(RELEASE_FILE, 'Недопустимое имя файла установщика.'),
          percent: z.coerce.number().int().min(0).max(100).default(10),
          offices: offices.optional(),
        })
        .strict(),
      response: releaseSchema,
      bodyLimit: INSTALLER_LIMIT,
      audit: ({ query }) => ({
        action: 'release_added',
        target: `${query.version} ${query.platform}`,
        detail: { file: query.name, percent: query.percent, offices: query.offices ?? [] },
      }),
      handler: async ({ query, request }) => {
        const bytes = request.body;
        if (!Buffer.isBuffer(bytes) || bytes.length === 0)
          throw badRequest('Пришлите файл установщика как application/octet-stream.');
        // Through a file of its own name, so the release lists the name the desks download.
        const dir = join(releases.dir, '.incoming', randomUUID());
        mkdirSync(dir, { recursive: true });
        try {
          const file = join(dir, query.name);
          writeFileSync(file, bytes);
          return await releases.add({
            platform: query.platform,
            version: query.version,
            files: [file],
            percent: query.percent,
            offices: query.offices ?? [],
            now: now(),
          });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    }),
    route({
      method: 'POST',
      url: '/v1/console/releases/stage',
      auth: 'admin',
      summary: 'Изменить долю рабочих мест, которым предлагается выпуск',
      body: target.extend({ percent: z.number().int().min(0).max(100) }).strict(),
      response: releaseSchema,
      audit: ({ body }) => ({
        action: 'release_staged',
        target: `${body.version} ${body.platform}`,
        detail: { percent: body.percent },
      }),
      handler: async ({ body }) => releases.stage(body.platform, body.version, body.percent),
    }),
    route({
      method: 'POST',
      url: '/v1/console/releases/withdraw',
      auth: 'admin',
      summary: 'Отозвать выпуск (рабочие места получат предыдущий)',
      body: target.strict(),
      response: releaseSchema,
      audit: ({ body }) => ({
        action: 'release_withdrawn',
        target: `${body.version} ${body.platform}`,
      }),
      handler: async ({ body }) => releases.withdraw(body.platform, body.version),
    }),
  ];
}
