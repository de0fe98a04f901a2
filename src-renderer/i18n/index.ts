import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import enArea from './en.area.json';
import enBackup from './en.backup.json';
import enPlan from './en.plan.json';
import enRegister from './en.register.json';
import enResults from './en.results.json';
import enRoster from './en.roster.json';
import enScenario from './en.scenario.json';
import enVerify from './en.verify.json';
import vi from './vi.json';
import viArea from './vi.area.json';
import viBackup from './vi.backup.json';
import viPlan from './vi.plan.json';
import viRegister from './vi.register.json';
import viResults from './vi.results.json';
import viRoster from './vi.roster.json';
import viScenario from './vi.scenario.json';
import viVerify from './vi.verify.json';

const STORAGE_KEY = 'luudong.language';

// One file per feature so that features can grow their strings without touching each other.
const resources = {
  vi: { translation: { ...vi, ...viRegister, ...viPlan, ...viRoster, ...viVerify, ...viBackup, ...viResults, ...viScenario, ...viArea } },
  en: { translation: { ...en, ...enRegister, ...enPlan, ...enRoster, ...enVerify, ...enBackup, ...enResults, ...enScenario, ...enArea } },
};

/** Vietnamese by default; the saved choice (database, mirrored locally for a fast start) wins. */
export function initI18n(): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources,
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
