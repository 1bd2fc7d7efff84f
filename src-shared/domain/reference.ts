import { z } from 'zod';
import { CLASSIFIER_CODE } from './classifier';
import { SERVICE_KINDS } from './enums';

export const officialSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  position: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Official = z.output<typeof officialSchema>;

export const officialInputSchema = z.object({
  id: z.uuid().optional(),
  fullName: z.string().trim().min(1, 'required').max(200, 'too_long'),
  position: z.string().trim().min(1, 'required').max(300, 'too_long'),
  active: z.boolean(),
});
export type OfficialInput = z.input<typeof officialInputSchema>;

export const serviceSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(SERVICE_KINDS),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Service = z.output<typeof serviceSchema>;

export const serviceInputSchema = z.object({
  id: z.uuid().optional(),
  title: z.string().trim().min(1, 'required').max(500, 'too_long'),
  kind: z.enum(SERVICE_KINDS),
  active: z.boolean(),
});
export type ServiceInput = z.input<typeof serviceInputSchema>;

export const classifierNodeSchema = z.object({
  code: z.string().regex(CLASSIFIER_CODE),
  title: z.string(),
  parentCode: z.string().nullable(),
  level: z.number().int().min(1).max(5),
  retired: z.boolean(),
});
export type ClassifierNode = z.output<typeof classifierNodeSchema>;

export const classifierImportResultSchema = z.object({
  edition: z.string(),
  total: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  retired: z.number().int(),
});
export type ClassifierImportResult = z.output<typeof classifierImportResultSchema>;
