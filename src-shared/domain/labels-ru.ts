/**
 * Russian names of the card's closed vocabularies: the UI's resources (src-renderer/i18n/ru.ts)
 * and the core's exports (XLSX, CSV, DOCX) use this one list, so a report says what the screen
 * says.
 */
export const ENUM_LABELS_RU = {
  applicantType: { person: 'Гражданин', organisation: 'Организация (через представителя)' },
  kind: { proposal: 'Предложение', statement: 'Заявление', complaint: 'Жалоба' },
  form: { oral: 'Устное', written: 'Письменное' },
  channel: {
    personal_reception: 'Личный прием',
    post: 'Почта',
    email: 'Электронная почта',
    site_form: 'Форма на сайте',
    site_reception: 'Интернет-приемная',
    gosuslugi: 'Госуслуги',
    feedback_platform: 'Платформа обратной связи',
    social_media: 'Социальные сети',
    hotline: 'Горячая линия / телефон',
    event: 'Мероприятие',
  },
  socialCategory: {
    none: 'Не указана',
    pensioner: 'Пенсионер',
    disabled: 'Инвалид',
    veteran: 'Ветеран',
    combat_veteran: 'Ветеран боевых действий',
    svo_participant: 'Участник СВО / член семьи',
    large_family: 'Многодетная семья',
    low_income: 'Малоимущий',
    unemployed: 'Безработный',
    student: 'Студент',
    orphan: 'Сирота',
    entrepreneur: 'Предприниматель',
    other: 'Иное',
  },
  answerMode: {
    oral: 'Устно на приеме',
    written: 'Письменно (30 дней)',
    redirected: 'Направлено по компетенции (7 дней)',
  },
  status: {
    registered: 'Зарегистрировано',
    in_progress: 'На рассмотрении',
    answered_oral: 'Дан устный ответ',
    answered_written: 'Дан письменный ответ',
    redirected: 'Направлено по компетенции',
    left_without_answer: 'Оставлено без ответа',
    closed: 'Закрыто',
  },
  result: {
    supported: 'Поддержано (удовлетворено)',
    refused: 'Не поддержано (отказано)',
    explained: 'Разъяснено',
  },
  serviceKind: { service: 'Услуга', support_measure: 'Мера поддержки', function: 'Функция' },
  /** As ССТУ.РФ words them (src-shared/reports/sstu.ts). */
  questionStatus: {
    in_work: 'Находится на рассмотрении',
    in_work_extended: 'На рассмотрении, срок продлен',
    explained: 'Рассмотрено. Разъяснено',
    supported: 'Рассмотрено. Поддержано',
    not_supported: 'Рассмотрено. Не поддержано',
    answered: 'Дан ответ автору',
    transferred: 'Направлено по компетенции',
    left_without_answer: 'Оставлено без ответа автору',
    not_received: 'Не поступило',
    not_registered: 'Не зарегистрировано',
  },
} as const;
