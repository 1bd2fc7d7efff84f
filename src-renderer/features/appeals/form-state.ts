import type { Appeal, AppealInput } from '../../../src-shared/domain/appeal';
import { toLocalDateTime } from '../../../src-shared/domain/dates';
import type { Booking } from '../../../src-shared/domain/schedule';

/** The form's state: the contract's input shape, with empty text held as '' while typing. */
export type FormState = {
  [K in keyof AppealInput]-?: Exclude<AppealInput[K], undefined>;
};

export function emptyForm(now = new Date()): FormState {
  return {
    registeredAt: toLocalDateTime(now),
    officialId: null,
    applicantType: 'person',
    visitorName: '',
    visitorAddress: '',
    visitorPhone: '',
    visitorEmail: '',
    socialCategory: 'none',
    organisationName: '',
    representativeName: '',
    powerOfAttorney: '',
    isCollective: false,
    signatoryCount: null,
    isRepeat: false,
    kind: 'statement',
    form: 'oral',
    channel: 'personal_reception',
    content: '',
    topicCodes: [],
    serviceId: null,
    avRecordingNotified: false,
    answerMode: 'written',
    oralConsent: false,
    oralAnswer: '',
    redirectRecipient: '',
    redirectDate: '',
    executor: '',
    status: 'registered',
    result: null,
    resultNote: '',
    answerDate: '',
    extensionDays: null,
    extensionReason: '',
    consentSignature: null,
    consentOnPaper: false,
    repeatOfId: null,
    forwardedFrom: '',
    forwardedNumber: '',
    forwardedDate: '',
    viaMedo: false,
    receivedDate: '',
    redirectNumber: '',
    redirectDepartmentId: null,
    measuresTaken: false,
    answerAttachmentId: null,
    questions: {},
  };
}

export function fromAppeal(appeal: Appeal): FormState {
  const base = emptyForm();
  const state = { ...base } as Record<string, unknown>;
  for (const key of Object.keys(base)) {
    const value = (appeal as Record<string, unknown>)[key];
    // Empty text is null in the core and '' in the form; enums and ids stay null.
    state[key] = value === null && base[key as keyof FormState] === '' ? '' : value;
  }
  return state as FormState;
}

/** A draft saved by an older build may miss fields: fill them from an empty form. */
export function fromDraft(data: Record<string, unknown>): FormState {
  const base = emptyForm();
  const state: Record<string, unknown> = { ...base };
  for (const key of Object.keys(base)) {
    if (key in data && typeof data[key] === typeof base[key as keyof FormState])
      state[key] = data[key];
    else if (key in data && base[key as keyof FormState] === null) state[key] = data[key];
  }
  return state as FormState;
}

/** A booked visitor has come: the card starts with what the booking says about them. */
export function fromBooking(booking: Booking, now = new Date()): FormState {
  return {
    ...emptyForm(now),
    officialId: booking.officialId,
    visitorName: booking.visitorName,
    visitorPhone: booking.visitorPhone ?? '',
    visitorEmail: booking.visitorEmail ?? '',
    visitorAddress: booking.visitorAddress ?? '',
    content: booking.topic,
  };
}
