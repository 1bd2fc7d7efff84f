import type { AppealInput } from '../../src-shared/domain/appeal';

/** A valid card input for tests; override what the test is about. */
export function appealInput(officialId: string, overrides: Partial<AppealInput> = {}): AppealInput {
  return {
    registeredAt: '2026-03-01T10:00',
    officialId,
    applicantType: 'person',
    visitorName: 'Иванова Анна Сергеевна',
    visitorAddress: 'г. Екатеринбург, ул. Ленина, 1',
    visitorPhone: '+7 343 000-00-00',
    visitorEmail: 'anna@example.ru',
    socialCategory: 'pensioner',
    organisationName: null,
    representativeName: null,
    powerOfAttorney: null,
    isCollective: false,
    signatoryCount: null,
    isRepeat: false,
    kind: 'complaint',
    form: 'oral',
    channel: 'personal_reception',
    content: 'Просит отремонтировать дорогу у дома',
    topicCodes: ['0005.0005.0056.1160'],
    serviceId: null,
    avRecordingNotified: true,
    answerMode: 'written',
    oralConsent: false,
    oralAnswer: null,
    redirectRecipient: null,
    redirectDate: null,
    executor: null,
    status: 'registered',
    result: null,
    resultNote: null,
    answerDate: null,
    ...overrides,
  };
}
