import { useTranslation } from 'react-i18next';
import type { HamletRow } from '../../../src-main/api/contract';
import { formatNumber } from '../../lib/format';

export function HamletDetails({ hamlet, onClose }: { hamlet: HamletRow; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const n = (v: number): string => formatNumber(v, i18n.language);
  const pct = (share: number): number => Math.round(share * 100);
  return (
    <aside className="details" data-testid="hamlet-details" aria-label={hamlet.name}>
      <header>
        <h2>{hamlet.name}</h2>
        <button className="secondary" onClick={onClose}>{t('map.close')}</button>
      </header>
      <p className="muted">{hamlet.communeName} · {hamlet.code}</p>
      <dl>
        <dt>{t('map.backlogEid')}</dt><dd>{n(hamlet.backlog?.remaining.eid ?? 0)}</dd>
        <dt>{t('map.backlogCccd')}</dt><dd>{n(hamlet.backlog?.remaining.cccd ?? 0)}</dd>
        <dt>{t('map.homebound')}</dt><dd>{n((hamlet.backlog?.homebound.eid ?? 0) + (hamlet.backlog?.homebound.cccd ?? 0))}</dd>
        <dt>{t('map.population')}</dt><dd>{n(hamlet.population)}</dd>
        <dt>{t('map.road')}</dt>
        <dd>
          {t(`road.${hamlet.roadClass}`)}
          {hamlet.motorbikeOnly && ` (${t('map.motorbikeOnly')})`}
        </dd>
        {hamlet.cutMonths.length > 0 && (<><dt>{t('map.cutMonths')}</dt><dd>{hamlet.cutMonths.join(', ')}</dd></>)}
        <dt>{t('map.venue')}</dt><dd>{hamlet.venue}</dd>
        <dt>{t('map.contact')}</dt><dd>{hamlet.contact}</dd>
      </dl>
      <p>{t('map.reach', { day: pct(hamlet.reach.weekday_day), evening: pct(hamlet.reach.weekday_evening), weekend: pct(hamlet.reach.weekend) })}</p>
      {hamlet.illustrative && <p className="muted">{t('map.illustrative')}</p>}
    </aside>
  );
}
