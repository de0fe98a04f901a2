import { useTranslation } from 'react-i18next';
import { rememberLanguage } from '../i18n';
import { call } from '../lib/rpc';
import { SCREENS, type Screen } from './screens';

/** The buttons of one group of screens (the main tabs, or the data lists). */
export function Tabs({ group, current, go }: { group: Screen['group']; current: Screen; go: (route: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {SCREENS.filter((s) => s.group === group).map((s) => (
        <button
          key={s.route}
          className={s === current ? 'tab active' : 'tab'}
          onClick={() => go(s.route)}
          aria-current={s === current ? 'page' : undefined}
        >
          {t(s.labelKey)}
        </button>
      ))}
    </>
  );
}

/** The app's top bar: its name, the main tabs, the language and the demo reset. */
export function TopBar({ screen, go, onResetDemo }: { screen: Screen; go: (route: string) => void; onResetDemo: () => void }) {
  const { t, i18n } = useTranslation();

  const switchLanguage = (lang: 'vi' | 'en'): void => {
    rememberLanguage(lang);
    void call('app.setLanguage', { language: lang });
  };

  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-title">{t('app.title')}</span>
        <span className="brand-sub">{t('app.subtitle')}</span>
      </div>
      <nav className="tabs" aria-label="main">
        <Tabs group="main" current={screen} go={go} />
      </nav>
      <div className="topbar-tools">
        <label>
          {t('app.language')}{' '}
          <select
            aria-label={t('app.language')}
            value={i18n.language}
            onChange={(e) => switchLanguage(e.target.value as 'vi' | 'en')}
          >
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
        <button className="secondary" onClick={onResetDemo}>{t('app.resetDemo')}</button>
      </div>
    </header>
  );
}
