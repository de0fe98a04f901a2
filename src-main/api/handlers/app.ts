import { resetToDemo } from '../../db';
import { getSetting, setSetting } from '../../db/repos/settings';
import { audit } from '../../db/repos/audit';
import type { Handlers } from '../dispatch';
import type { Language } from '../contract';
import { areaDbPath } from '../areas-store';
import { AppError } from '../errors';
import { snapshotBefore } from './backups';

export const appHandlers: Pick<Handlers, 'app.info' | 'app.setLanguage' | 'demo.reset'> = {
  'app.info': (_p, ctx) => ({
    version: ctx.version,
    mode: ctx.mode,
    dbPath: ctx.dbPath,
    language: getSetting<Language>(ctx.db, 'ui.language') ?? 'vi',
    area: getSetting<{ label?: string }>(ctx.db, 'dataset')?.label ?? '',
  }),
  'app.setLanguage': ({ language }, ctx) => {
    setSetting(ctx.db, 'ui.language', language);
    return { language };
  },
  'demo.reset': (_p, ctx) => {
    // Another area is someone's own data: the demo comes back only where it lives.
    if (ctx.dataDir && ctx.dbPath !== areaDbPath(ctx.dataDir, 'default')) {
      throw new AppError('CONFLICT', 'This area is not the demo: open the demo area (Khu vực) to restore the demo data there.', { key: 'notDemoArea' });
    }
    const language = getSetting<Language>(ctx.db, 'ui.language');
    snapshotBefore(ctx, 'before-demo-reset');
    // The wipe, the new data and its audit entry in one transaction: a crash leaves all or none.
    ctx.db.transaction(() => {
      resetToDemo(ctx.db);
      if (language) setSetting(ctx.db, 'ui.language', language);
      audit(ctx.db, 'reset', 'dataset', null, { to: 'demo' });
    })();
    const { n } = ctx.db.prepare('SELECT COUNT(*) AS n FROM hamlets').get() as { n: number };
    return { hamlets: n };
  },
};
