import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HomePage } from '../features/home/HomePage';
import { ListsPage, LIST_NAMES, type ListName } from '../features/lists/ListsPage';
import { rememberLanguage } from '../i18n';
import { call } from '../lib/rpc';
import { useRpc } from '../lib/useRpc';
import { ErrorNote } from './ErrorNote';
import { useHashRoute } from './useHashRoute';

export function App() {
  const { t, i18n } = useTranslation();
  const [route, go] = useHashRoute('home');
  const info = useRpc('app.info');
  const [dataVersion, setDataVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  // The database holds the user's language, so desktop and web agree.
  useEffect(() => {
    if (info.data && info.data.language !== i18n.language) rememberLanguage(info.data.language);
  }, [info.data, i18n.language]);

  const switchLanguage = (lang: 'vi' | 'en'): void => {
    rememberLanguage(lang);
    void call('app.setLanguage', { language: lang });
  };

  const resetDemo = async (): Promise<void> => {
    if (!window.confirm(t('app.resetConfirm'))) return;
    const { hamlets } = await call('demo.reset', { confirm: true });
    setNotice(t('app.resetDone', { count: hamlets }));
    setDataVersion((v) => v + 1);
  };

  const tabs: Array<{ route: string; label: string }> = [
    { route: 'home', label: t('nav.home') },
    ...LIST_NAMES.map((name) => ({ route: name, label: t(`nav.${name}`) })),
  ];

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-title">{t('app.title')}</span>
          <span className="brand-sub">{t('app.subtitle')}</span>
        </div>
        <nav className="tabs" aria-label="main">
          {tabs.map((tab) => (
            <button
              key={tab.route}
              className={route === tab.route ? 'tab active' : 'tab'}
              onClick={() => go(tab.route)}
              aria-current={route === tab.route ? 'page' : undefined}
            >
              {tab.label}
            </button>
          ))}
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
          <button className="secondary" onClick={() => void resetDemo()}>{t('app.resetDemo')}</button>
        </div>
      </header>
      {info.error && <ErrorNote error={info.error} />}
      {notice && (
        <div className="notice" role="status" onClick={() => setNotice(null)}>
          {notice}
        </div>
      )}
      <main className="content" key={dataVersion}>
        {route === 'home' ? <HomePage /> : <ListsPage list={(LIST_NAMES as readonly string[]).includes(route) ? (route as ListName) : 'communes'} />}
      </main>
    </div>
  );
}
