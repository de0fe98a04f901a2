import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import vi from './vi.json';

const STORAGE_KEY = 'luudong.language';

/** Vietnamese by default; the saved choice (database, mirrored locally for a fast start) wins. */
export function initI18n(): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: localStorage.getItem(STORAGE_KEY) ?? 'vi',
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
  });
  return i18n;
}

export function rememberLanguage(lang: 'vi' | 'en'): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export { i18n };
