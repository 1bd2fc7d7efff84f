import { applicantLabel } from '../../../src-shared/domain/appeal';
import type { Appeal, AppealData } from '../../../src-shared/domain/appeal';
import { isOverdue } from '../../../src-shared/domain/deadlines';
import {
  appealOutcome,
  keptOutcomes,
  questionsOf,
  type QuestionOutcome,
} from '../../../src-shared/domain/questions';
import type {
  AnswerMode,
  AppealForm,
  AppealKind,
  AppealResult,
  AppealStatus,
  ApplicantType,
  Channel,
  SocialCategory,
} from '../../../src-shared/domain/enums';

/** A row of the appeals table, exactly as SQLite returns it. */
export interface AppealRow {
  id: string;
  reg_number: string;
  desk_code: string;
  registered_at: string;
  official_id: string | null;
  applicant_type: string;
  visitor_name: string | null;
  visitor_address: string | null;
  visitor_phone: string | null;
  visitor_email: string | null;
  social_category: string;
  organisation_name: string | null;
  representative_name: string | null;
  power_of_attorney: string | null;
  is_collective: number;
  signatory_count: number | null;
  is_repeat: number;
  kind: string;
  form: string;
  channel: string;
  content: string;
  service_id: string | null;
  av_recording_notified: number;
  answer_mode: string | null;
  oral_consent: number;
  oral_answer: string | null;
  redirect_recipient: string | null;
  redirect_date: string | null;
  executor: string | null;
  status: string;
  result: string | null;
  result_note: string | null;
  answer_date: string | null;
  due_date: string | null;
  extension_days: number | null;
  extension_reason: string | null;
  consent_signature: string | null;
  consent_on_paper: number;
  repeat_of_id: string | null;
  forwarded_from: string | null;
  forwarded_number: string | null;
  forwarded_date: string | null;
  via_medo: number;
  received_date: string | null;
  redirect_number: string | null;
  redirect_department_id: string | null;
  measures_taken: number;
  answer_attachment_id: string | null;
  /** Questions set apart, as JSON (questions.ts); '{}' for none. */
  questions: string;
  /** The card's outcome for the metrics, from its questions (appealOutcome): derived. */
  outcome: string | null;
  created_at: string;
  updated_at: string;
}

/** Column values of the card's own fields, named as the SQL statements bind them. */
export function dataToParams(data: AppealData) {
  const outcomes = keptOutcomes(data.topicCodes, data.questions);
  return {
    registered_at: data.registeredAt,
    official_id: data.officialId,
    applicant_type: data.applicantType,
    visitor_name: data.visitorName,
    visitor_address: data.visitorAddress,
    visitor_phone: data.visitorPhone,
    visitor_email: data.visitorEmail,
    social_category: data.socialCategory,
    organisation_name: data.organisationName,
    representative_name: data.representativeName,
    power_of_attorney: data.powerOfAttorney,
    is_collective: data.isCollective ? 1 : 0,
    signatory_count: data.isCollective ? data.signatoryCount : null,
    is_repeat: data.isRepeat ? 1 : 0,
    kind: data.kind,
    form: data.form,
    channel: data.channel,
    content: data.content,
    service_id: data.serviceId,
    av_recording_notified: data.avRecordingNotified ? 1 : 0,
    answer_mode: data.answerMode,
    oral_consent: data.oralConsent ? 1 : 0,
    oral_answer: data.oralAnswer,
    redirect_recipient: data.redirectRecipient,
    redirect_date: data.redirectDate,
    executor: data.executor,
    status: data.status,
    result: data.result,
    result_note: data.resultNote,
    answer_date: data.answerDate,
    extension_days: data.answerMode === 'written' ? data.extensionDays : null,
    extension_reason: data.answerMode === 'written' ? data.extensionReason : null,
    consent_signature: data.consentSignature,
    consent_on_paper: data.consentOnPaper ? 1 : 0,
    repeat_of_id: data.repeatOfId,
    forwarded_from: data.forwardedFrom,
    forwarded_number: data.forwardedNumber,
    forwarded_date: data.forwardedDate,
    via_medo: data.viaMedo ? 1 : 0,
    received_date: data.receivedDate,
    redirect_number: data.redirectNumber,
    redirect_department_id: data.redirectDepartmentId,
    measures_taken: data.measuresTaken ? 1 : 0,
    answer_attachment_id: data.answerAttachmentId,
    questions: JSON.stringify(outcomes),
    outcome: appealOutcome(questionsOf({ ...data, questions: outcomes })),
  };
}

export function rowToAppeal(row: AppealRow, topicCodes: string[], today: string): Appeal {
  const status = row.status as AppealStatus;
  return {
    id: row.id,
    regNumber: row.reg_number,
    deskCode: row.desk_code,
    registeredAt: row.registered_at,
    officialId: row.official_id,
    applicantType: row.applicant_type as ApplicantType,
    visitorName: row.visitor_name,
    visitorAddress: row.visitor_address,
    visitorPhone: row.visitor_phone,
    visitorEmail: row.visitor_email,
    socialCategory: row.social_category as SocialCategory,
    organisationName: row.organisation_name,
    representativeName: row.representative_name,
    powerOfAttorney: row.power_of_attorney,
    isCollective: row.is_collective === 1,
    signatoryCount: row.signatory_count,
    isRepeat: row.is_repeat === 1,
    kind: row.kind as AppealKind,
    form: row.form as AppealForm,
    channel: row.channel as Channel,
    content: row.content,
    topicCodes,
    serviceId: row.service_id,
    avRecordingNotified: row.av_recording_notified === 1,
    answerMode: row.answer_mode as AnswerMode | null,
    oralConsent: row.oral_consent === 1,
    oralAnswer: row.oral_answer,
    redirectRecipient: row.redirect_recipient,
    redirectDate: row.redirect_date,
    executor: row.executor,
    status,
    result: row.result as AppealResult | null,
    resultNote: row.result_note,
    answerDate: row.answer_date,
    extensionDays: row.extension_days,
    extensionReason: row.extension_reason,
    consentSignature: row.consent_signature,
    consentOnPaper: row.consent_on_paper === 1,
    repeatOfId: row.repeat_of_id,
    forwardedFrom: row.forwarded_from,
    forwardedNumber: row.forwarded_number,
    forwardedDate: row.forwarded_date,
    viaMedo: row.via_medo === 1,
    receivedDate: row.received_date,
    redirectNumber: row.redirect_number,
    redirectDepartmentId: row.redirect_department_id,
    measuresTaken: row.measures_taken === 1,
    answerAttachmentId: row.answer_attachment_id,
    questions: JSON.parse(row.questions) as Record<string, QuestionOutcome>,
    dueDate: row.due_date,
    overdue: isOverdue(row.due_date, status, today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function applicantOf(row: {
  applicant_type: string;
  visitor_name: string | null;
  organisation_name: string | null;
  representative_name: string | null;
}): string {
  return applicantLabel({
    applicantType: row.applicant_type,
    visitorName: row.visitor_name,
    organisationName: row.organisation_name,
    representativeName: row.representative_name,
  });
}
