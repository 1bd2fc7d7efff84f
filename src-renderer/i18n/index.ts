import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ru } from './ru';

/** Russian first; English available; a missing English key falls back to Russian. */
export function initI18n(language = localStorage.getItem('otklik.lang') ?? 'ru') {
  void i18n.use(initReactI18next).init({
    resources: { ru: { translation: ru }, en: { translation: en } },
    lng: language,
    fallbackLng: 'ru',
    interpolation: { escapeValue: false },
  });
  return i18n;
}
