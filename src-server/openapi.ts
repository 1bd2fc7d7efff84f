import { z } from 'zod';
import { errorBodySchema } from '../src-shared/sync/protocol';
import type { RouteSpec } from './routes/spec';

const json = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' });

/** The OpenAPI 3.1 description of the routes, generated from the same zod schemas they use. */
export function openApiDocument(specs: readonly RouteSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const s of specs) {
    const path = s.url.replace(/:(\w+)/g, '{$1}');
    const parameters = [...paramsOf(s.params, 'path'), ...paramsOf(s.query, 'query')];
    paths[path] ??= {};
    paths[path][s.method.toLowerCase()] = {
      summary: s.summary,
      ...(s.auth === 'none' ? { security: [] } : { security: [{ [s.auth]: [] }] }),
      ...(parameters.length ? { parameters } : {}),
      ...(s.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: json(s.body, 'input') } },
            },
          }
        : {}),
      responses: {
        200: {
          description: 'OK',
          content: { 'application/json': { schema: json(s.response, 'output') } },
        },
        default: {
          description: 'Ошибка (сообщение на русском)',
          content: { 'application/json': { schema: json(errorBodySchema, 'output') } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Otklik central server', version, description: 'docs/sync.md' },
    components: {
      securitySchemes: {
        device: { type: 'http', scheme: 'bearer', description: 'Ключ рабочего места' },
        admin: { type: 'http', scheme: 'bearer', description: 'Ключ администратора' },
      },
    },
    paths,
  };
}

function paramsOf(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const js = json(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}

/** A plain page listing the routes (no external scripts: the CSP of a government network). */
export function docsPage(doc: ReturnType<typeof openApiDocument>): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(
      ([method, op]) =>
        `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${esc(path)}</code></td><td>${esc(
          (op as { summary: string }).summary,
        )}</td></tr>`,
    ),
  );
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Отклик — API центрального сервера</title></head>
<body><h1>Отклик — API центрального сервера</h1><p>Описание OpenAPI: <a href="/docs/openapi.json">/docs/openapi.json</a>. Протокол: docs/sync.md.</p>
<table border="1" cellpadding="4">${rows.join('')}</table></body></html>`;
}
