/**
 * The online survey page's words (no i18n library in a page a phone loads over a slow link).
 * Russian first; another language is one more dictionary of the same keys.
 */
const ru = {
  loading: 'Загрузка анкеты…',
  notFound: 'Такой анкеты нет. Проверьте адрес или QR-код.',
  noConnection:
    'Нет связи с сервером. Ваши ответы сохранены на этом устройстве — попробуйте ещё раз чуть позже.',
  anonymous:
    'Анкета анонимна: мы не спрашиваем имени и не сохраняем ни адреса, ни устройства, ни времени ответа — только дату.',
  office: 'Орган, в котором вас обслуживали',
  officeChoose: '— выберите —',
  officeRequired: 'Выберите орган, чтобы мы знали, чью работу вы оцениваете.',
  closedTitle: 'Опрос завершён',
  closedText: 'Спасибо за интерес! Ответы на эту анкету больше не принимаются.',
  notStartedTitle: 'Опрос ещё не начался',
  notStartedText: 'Анкета откроется {date}.',
  answeredTitle: 'Вы уже ответили на этот опрос',
  answeredText: 'Спасибо! С одного устройства анкету можно заполнить один раз.',
  thanks: 'Спасибо! Ваши ответы приняты.',
  thanksMore: 'Они помогут нам работать лучше.',
  draftRestored: 'Мы восстановили ответы, которые вы начали вводить.',
  tooMany:
    'С этого адреса отправлено слишком много анкет. Попробуйте ещё раз через несколько минут.',
  refused: 'Анкета не принята: {reason}',
  missing: 'Ответьте, пожалуйста, на отмеченные вопросы.',
};

export type OnlineText = keyof typeof ru;

export function o(key: OnlineText, params: Record<string, string | number> = {}): string {
  return ru[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
