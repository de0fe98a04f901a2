import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../app/ErrorNote';
import { countText, formatDate, formatNumber } from '../../lib/format';
import { useRpc } from '../../lib/useRpc';
import { DistrictMap } from '../map/DistrictMap';

function Stat({ id, label, value, detail }: { id: string; label: string; value: string; detail?: string }) {
  return (
    <div className="stat" data-testid={`stat-${id}`}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {detail && <div className="stat-detail">{detail}</div>}
    </div>
  );
}

export function HomePage() {
  const { t, i18n } = useTranslation();
  const overview = useRpc('overview.get');
  if (overview.error) return <ErrorNote error={overview.error} />;
  const o = overview.data;
  if (!o) return <p>{t('app.loading')}</p>;
  const n = (v: number): string => formatNumber(v, i18n.language);
  return (
    <div className="home">
      <h1>
        {o.areaName}
        {o.dataset.demo && <span className="badge demo" data-testid="demo-badge">{t('app.demoBadge')}</span>}
      </h1>
      {o.dataset.demo && (
        <p className="notice" data-testid="own-area-hint">
          {t('areas.demoHint')} <a href="#areas">{t('areas.new')} →</a>
        </p>
      )}
      <section className="stats">
        <Stat id="communes" label={t('home.communes')} value={n(o.communes)} />
        <Stat id="hamlets" label={t('home.hamlets')} value={n(o.hamlets)} />
        <Stat id="population" label={t('home.population')} value={n(o.population)} />
        <Stat
          id="backlog-eid"
          label={t('home.backlogEid')}
          value={n(o.backlog.eid)}
          detail={`${t('home.homebound')}: ${n(o.homebound.eid)}`}
        />
        <Stat
          id="backlog-cccd"
          label={t('home.backlogCccd')}
          value={n(o.backlog.cccd)}
          detail={`${t('home.homebound')}: ${n(o.homebound.cccd)}`}
        />
        <Stat id="teams" label={t('home.teams')} value={n(o.teams.total)} detail={t('home.teamsDetail', o.teams)} />
        <Stat
          id="vehicles"
          label={t('home.vehicles')}
          value={n(o.vehicles.car + o.vehicles.pickup + o.vehicles.motorbike)}
          detail={t('home.vehiclesDetail', Object.fromEntries((['car', 'pickup', 'motorbike'] as const).map((kind) => [kind, countText(t, `home.vehicleCount.${kind}`, o.vehicles[kind], i18n.language)])))}
        />
        <Stat
          id="campaign"
          label={t('home.campaign')}
          value={o.campaign ? t('home.campaignDates', { start: formatDate(o.campaign.startDate), deadline: formatDate(o.campaign.deadline) }) : t('home.noCampaign')}
          detail={o.daysLeft !== null && o.asOf ? t('home.daysLeft', { count: o.daysLeft, asOf: formatDate(o.asOf) }) : undefined}
        />
      </section>
      <DistrictMap />
    </div>
  );
}
