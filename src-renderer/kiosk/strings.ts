/**
 * The kiosk's own words, kept apart from the officer app's i18next resources so the kiosk loads
 * no i18n library. Russian is the language of the questionnaires (they are the legal paper
 * forms); another language is one more dictionary of the same keys.
 */
const ru = {
  noConnection: 'Нет связи с приложением',
  saveFailed: 'Анкету не удалось сохранить. Пожалуйста, обратитесь к сотруднику.',
  readingAids: 'Удобство чтения',
  largeText: 'Крупный шрифт',
  contrast: 'Контраст',
  onePerScreen: 'По одному вопросу',
  welcome: 'Оцените, пожалуйста, качество нашей работы',
  anonymous: 'Анкета анонимна: мы не спрашиваем имени и не связываем ответы с Вашим обращением.',
  noSurveys: 'Сейчас опросов нет.',
  thanks: 'Спасибо! Ваши ответы сохранены.',
  thanksMore: 'Они помогут нам работать лучше.',
  thanksOnline:
    'Хотите рассказать больше? Наведите камеру телефона на код — анкету можно заполнить дома, в любое время.',
  thanksOnlineQr: 'QR-код онлайн-анкеты «{title}»',
  exit: 'Выход',
  stillHere: 'Вы ещё здесь?',
  restartIn: 'Анкета начнётся заново через {n} с.',
  continue: 'Да, продолжить',
  keyboard: 'Экранная клавиатура',
  capitals: 'Заглавные буквы',
  space: 'Пробел',
  erase: 'Стереть',
  close: 'Закрыть',
  wrongPin: 'Неверный PIN-код',
  exitTitle: 'Выход из режима киоска',
  adminPin: 'PIN-код администратора',
  adminOnly: 'Только для администратора.',
  answerRequired: 'Ответьте на этот вопрос',
  back: 'Назад',
  questionOf: 'Вопрос {n} из {total}',
  send: 'Отправить анкету',
  next: 'Далее',
};

export type KioskText = keyof typeof ru;

export function k(key: KioskText, params: Record<string, string | number> = {}): string {
  return ru[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
