import type { Generated } from 'kysely';
import type { AppealCell } from '../../src-shared/reports/rollup';

/** The central server's tables, as Kysely sees them (docs/sync.md, "Central server"). */
export interface OfficeTable {
  id: string;
  code: string;
  name: string;
  created_at: string;
  /** The office's id in ССТУ.РФ (migration 0050), for the monthly report. */
  sstu_department_id: string | null;
  /** 1: the office's notes and survey results are on the public page (migration 0060). */
  publish: Generated<number>;
}

export interface DeviceTable {
  id: string;
  office_id: string;
  name: string;
  node: string;
  /** SHA-256 (hex) of the bearer token; the token itself is never stored. */
  token_hash: string;
  desk_code: string | null;
  enrolled_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
  /** Base64 SPKI of the Ed25519 key that signs this desk's offline packages (migration 0040). */
  signing_key: string | null;
  /** Set when a second machine seems to use this device's identity (same numbers or node). */
  clone_suspected_at: string | null;
  /** The desk's last report about itself (deskStatusSchema as JSON; migration 0060). */
  status: string | null;
  status_at: string | null;
  /** The highest change-log position the desk has confirmed having (its pull cursor). */
  pulled_seq: number | null;
}

/** A desk code, bound to the one device that may register cards under it (migration 0040). */
export interface DeskCodeTable {
  code: string;
  office_id: string;
  /** Null: known from cards or packages, not yet bound; the first device of the office takes it. */
  device_id: string | null;
  bound_at: string;
}

export interface EnrollmentCodeTable {
  code_hash: string;
  office_id: string;
  desk_code: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
  /** 1 when the code replaces the device holding its desk code (migration 0040). */
  replaces: Generated<number>;
}

export interface AdminTable {
  id: string;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/** Every accepted change, response and reference record, in the order the server took them. */
export interface ChangeLogTable {
  seq: Generated<number>;
  change_id: string;
  office_id: string | null;
  device_id: string | null;
  type: 'change' | 'reference';
  entity: string;
  entity_id: string;
  payload: string;
}

/** The merged state of each reception card: its record and the HLC of each field. */
export interface AppealTable {
  id: string;
  office_id: string;
  desk_code: string;
  registered_at: string;
  /** Unique across the region (migration 0040). */
  reg_number: string | null;
  data: string;
  clocks: string;
  // Report columns (migration 0020), kept in step with `data` by every write.
  channel: string | null;
  kind: string | null;
  form: string | null;
  answer_mode: string | null;
  result: string | null;
  status: string | null;
  is_repeat: number | null;
  is_collective: number | null;
  signatory_count: number | null;
  due_date: string | null;
  answer_date: string | null;
  /** The record's agreement words (migration 0080; src-shared/sync/agreement.ts). */
  agree_0: number | null;
  agree_1: number | null;
  agree_2: number | null;
  agree_3: number | null;
}

/** A card's classifier codes, for the reports. */
export interface AppealTopicTable {
  appeal_id: string;
  code: string;
  office_id: string;
  registered_at: string;
}

/**
 * Anonymous responses: the fields of docs/anonymity.md and nothing else: no receipt time, no
 * device, no place in the change log. `feed_seq` orders them for desks' pulls, batch by batch,
 * shuffled within each batch (migration 0040).
 */
export interface ResponseTable {
  id: string;
  office_id: string;
  feed_seq: number;
  template_id: string;
  campaign_id: string | null;
  service_id: string | null;
  channel: string;
  office: string;
  response_date: string;
  complete: number;
  answers: string;
  /** The response's agreement words (migration 0080). */
  agree_0: number | null;
  agree_1: number | null;
  agree_2: number | null;
  agree_3: number | null;
}

export interface ReferenceTable {
  entity: string;
  entity_id: string;
  data: string;
}

/** A scanned document of a card (migration 0030). */
export interface AttachmentTable {
  id: string;
  appeal_id: string;
  office_id: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  received_at: string;
}

/** Every question of every card with its effective outcome (migration 0050-questions). */
export interface AppealQuestionTable {
  appeal_id: string;
  position: number;
  code: string;
  office_id: string;
  registered_at: string;
  status: string;
  status_date: string | null;
  measures_taken: number;
  extended: number;
}

/** Each file of the monthly report: who took personal data away, when, how many cards. */
export interface PersonalExportTable {
  id: string;
  at: string;
  admin_id: string;
  what: string;
  offices: string;
  cards: number;
}

/** An online survey: a campaign published at /s/<slug> for an office or the region (0090). */
export interface OnlineSurveyTable {
  id: string;
  slug: string;
  campaign_id: string;
  /** Null: the region's survey; the visitor names the office. */
  office_id: string | null;
  service_id: string | null;
  closing_text: string | null;
  /** The public address's origin when it was published (https://…), for desks and QR codes. */
  public_base: string;
  created_at: string;
  closed_at: string | null;
}

/** An online answer waiting for a batch of its office: the record as it will be stored. */
export interface OnlinePendingTable {
  id: string;
  office_id: string;
  record: string;
  response_date: string;
}

/** Answers taken and refused per online survey and day (the console's flood watch). */
export interface OnlineDailyTable {
  survey_id: string;
  day: string;
  accepted: number;
  refused: number;
}

/** The region's topic models (migration 0100; docs/topics.md). */
export interface TopicModelTable {
  version: number;
  built_at: string;
  /** What the build read (cards and codes counted), to skip a build when nothing changed. */
  source: string;
  cards: number;
  bytes: number;
  build_ms: number;
  body: string;
}

export interface ServerDatabase {
  online_surveys: OnlineSurveyTable;
  online_pending: OnlinePendingTable;
  online_daily: OnlineDailyTable;
  appeal_questions: AppealQuestionTable;
  personal_exports: PersonalExportTable;
  attachments: AttachmentTable;
  offices: OfficeTable;
  devices: DeviceTable;
  desk_codes: DeskCodeTable;
  enrollment_codes: EnrollmentCodeTable;
  admins: AdminTable;
  change_log: ChangeLogTable;
  appeals: AppealTable;
  appeal_topics: AppealTopicTable;
  topic_models: TopicModelTable;
  responses: ResponseTable;
  reference_records: ReferenceTable;
  accounts: AccountTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  package_imports: PackageImportTable;
  publications: PublicationTable;
  report_appeals: ReportAppealTable;
  report_topics: ReportTopicTable;
  report_answers: ReportAnswerTable;
  report_survey: ReportSurveyTable;
}

/**
 * The report roll-ups (migration 0070-report-rollups, src-server/db/rollups.ts): cards counted
 * per office, registration day and every dimension the metrics use ('' for none).
 */
export interface ReportAppealTable extends AppealCell {
  office_id: string;
  n: number;
}

/** Cards per office and day in each classifier section and theme ('*': any code). */
export interface ReportTopicTable {
  day: string;
  office_id: string;
  code: string;
  n: number;
}

/** Written answers per office, answer date, registration day and whether in time. */
export interface ReportAnswerTable {
  answer_date: string;
  office_id: string;
  registered: string;
  in_time: number;
  n: number;
}

/**
 * Survey answers counted per office and calendar month (results are given for whole months
 * only: src-shared/reports/period.ts), by the keys of src-shared/reports/survey-compute.ts.
 */
export interface ReportSurveyTable {
  template_id: string;
  /** YYYY-MM */
  month: string;
  office_id: string;
  campaign_id: string;
  service_id: string;
  channel: string;
  /** SHA-256 (base64url) of JSON [key, value]: the key column, as values can be long texts. */
  cell: string;
  key: string;
  value: string;
  n: number;
}

/** «Что изменено по итогам обратной связи»: an office's note for a quarter (YYYY-Qn). */
export interface PublicationTable {
  office_id: string;
  quarter: string;
  text: string;
  updated_at: string;
  updated_by: string;
}

/** An offline package brought in through the console: what it carried and what came of it. */
export interface PackageImportTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  file_name: string;
  sha256: string;
  office: string | null;
  desk_code: string | null;
  changes: number;
  responses: number;
  applied: number;
  duplicates: number;
  refused: number;
  /** The reason a package was refused whole (bad signature, damaged file…). */
  error: string | null;
}

/** A person who signs in to the console (migration 0060). */
export interface AccountTable {
  id: string;
  login: string;
  name: string;
  role: 'admin' | 'analyst' | 'office_viewer';
  /** The one office an office viewer sees; null for the region's roles. */
  office_id: string | null;
  /** `scrypt$N$r$p$salt$hash` (base64url). */
  password_hash: string;
  failed_count: Generated<number>;
  locked_until: string | null;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie's value; the value itself is never stored. */
  token_hash: string;
  account_id: string;
  /** Sent back in X-CSRF-Token by every request that changes something. */
  csrf: string;
  created_at: string;
  last_seen_at: string;
}

/** Who did what and when: every administrative action, by an account or an admin key. */
export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
}
