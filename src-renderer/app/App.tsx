import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberLanguage } from '../i18n';
import { BackupsPage } from '../features/backup/BackupsPage';
import { onDataReplaced } from '../features/backup/events';
import { countText } from '../lib/format';
import { call, RpcFailure } from '../lib/rpc';
import { useRpc } from '../lib/useRpc';
import { ErrorNote } from './ErrorNote';
import { ScreenBoundary } from './ScreenBoundary';
import { SCREENS } from './screens';
import { Tabs, TopBar } from './TopBar';
import { useHashRoute } from './useHashRoute';

export function App() {
  const { t, i18n } = useTranslation();
  const [route, go] = useHashRoute('home');
  const info = useRpc('app.info');
  const [dataVersion, setDataVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);

  // The database holds the user's language, so desktop and web agree; it is read once at start.
  const savedLanguage = info.data?.language;
  useEffect(() => {
    if (savedLanguage) rememberLanguage(savedLanguage);
  }, [savedLanguage]);

  // The window title says which area is open (the desktop window shows it in its title bar).
  const areaName = info.data?.area;
  useEffect(() => {
    document.title = areaName ? `${areaName} — ${t('app.title')}` : t('app.title');
  }, [areaName, t]);

  // A restore replaced the whole database: every screen loads again, the language too.
  const { reload: reloadInfo } = info;
  useEffect(() => onDataReplaced((message) => {
    setNotice(message);
    setDataVersion((v) => v + 1);
    reloadInfo();
  }), [reloadInfo]);
  // The database could not be opened: the backups screen (with the snapshot on offer) stands in for every screen.
  const unusable = info.error instanceof RpcFailure && info.error.code === 'DB_CORRUPT';

  const resetDemo = async (): Promise<void> => {
    if (!window.confirm(t('app.resetConfirm'))) return;
    setFailure(null);
    try {
      const { hamlets } = await call('demo.reset', { confirm: true });
      setNotice(countText(t, 'app.resetDone', hamlets, i18n.language));
      setDataVersion((v) => v + 1);
    } catch (err) {
      // E.g. the snapshot taken before a reset could not be written: nothing was reset.
      setFailure(err as Error);
    }
  };

  const screen = SCREENS.find((s) => s.route === route) ?? SCREENS[0]!;

  return (
    <div className="shell">
      <TopBar screen={screen} go={go} onResetDemo={() => void resetDemo()} />
      <nav className="datanav" aria-label={t('nav.data')}>
        <span className="datanav-title">{t('nav.data')}:</span>
        <Tabs group="data" current={screen} go={go} />
      </nav>
      {info.error && !unusable && <ErrorNote error={info.error} />}
      {failure && <ErrorNote error={failure} />}
      {notice && (
        <div className="notice" role="status" onClick={() => setNotice(null)}>
          {notice}
        </div>
      )}
      <main className="content" key={dataVersion}>
        <ScreenBoundary key={unusable ? 'backups' : screen.route}>{unusable ? <BackupsPage /> : screen.render()}</ScreenBoundary>
      </main>
    </div>
  );
}
