import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../app/ErrorNote';
import { formatDate } from '../../lib/format';
import { useRpc } from '../../lib/useRpc';
import { DataTable, type Column } from './DataTable';
import { useColumns } from './columns';

export const LIST_NAMES = ['communes', 'hamlets', 'teams', 'vehicles', 'shifts', 'calendar'] as const;
export type ListName = (typeof LIST_NAMES)[number];

function Loading<T>({ state, children }: { state: { data: T | null; error: Error | null }; children: (data: T) => React.ReactNode }) {
  const { t } = useTranslation();
  if (state.error) return <ErrorNote error={state.error} />;
  if (!state.data) return <p>{t('app.loading')}</p>;
  return <>{children(state.data)}</>;
}

function CommunesList() {
  const cols = useColumns();
  return <Loading state={useRpc('communes.list')}>{(rows) => <DataTable testId="table-communes" rows={rows} columns={cols.communes} rowKey={(r) => r.id} />}</Loading>;
}
function HamletsList() {
  const cols = useColumns();
  return <Loading state={useRpc('hamlets.list', {})}>{(rows) => <DataTable testId="table-hamlets" rows={rows} columns={cols.hamlets} rowKey={(r) => r.id} />}</Loading>;
}
function TeamsList() {
  const cols = useColumns();
  return <Loading state={useRpc('teams.list')}>{(rows) => <DataTable testId="table-teams" rows={rows} columns={cols.teams} rowKey={(r) => r.id} />}</Loading>;
}
function VehiclesList() {
  const cols = useColumns();
  return <Loading state={useRpc('vehicles.list')}>{(rows) => <DataTable testId="table-vehicles" rows={rows} columns={cols.vehicles} rowKey={(r) => r.id} />}</Loading>;
}
function ShiftsList() {
  const cols = useColumns();
  return <Loading state={useRpc('shiftTemplates.list')}>{(rows) => <DataTable testId="table-shifts" rows={rows} columns={cols.shifts} rowKey={(r) => r.id} />}</Loading>;
}
function CalendarList() {
  const { t } = useTranslation();
  const columns: Array<Column<{ date: string; kind: string; name: string }>> = [
    { key: 'date', header: t('col.date'), value: (r) => r.date, render: (r) => formatDate(r.date) },
    { key: 'kind', header: t('col.kind'), value: (r) => t(`exceptionKind.${r.kind}`) },
    { key: 'name', header: t('col.name'), value: (r) => r.name },
  ];
  return (
    <Loading state={useRpc('calendar.list')}>
      {(cal) => (
        <>
          {cal.campaign && (
            <p data-testid="campaign-line">
              {t('lists.campaign', { name: cal.campaign.name, start: formatDate(cal.campaign.startDate), deadline: formatDate(cal.campaign.deadline) })}
            </p>
          )}
          {cal.exceptions.length === 0 ? <p>{t('lists.noExceptions')}</p> : (
            <DataTable testId="table-calendar" rows={cal.exceptions} columns={columns} rowKey={(r) => r.date} />
          )}
        </>
      )}
    </Loading>
  );
}

const LISTS: Record<ListName, () => React.ReactNode> = {
  communes: CommunesList, hamlets: HamletsList, teams: TeamsList, vehicles: VehiclesList, shifts: ShiftsList, calendar: CalendarList,
};

export function ListsPage({ list }: { list: ListName }) {
  const { t } = useTranslation();
  const Body = LISTS[list];
  return (
    <div className="list-page">
      <h1>{t(`nav.${list}`)}</h1>
      <Body />
    </div>
  );
}
