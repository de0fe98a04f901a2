import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HamletRow, Result, TeamRow, VehicleRow } from '../../../src-main/api/contract';
import type { ShiftTemplate } from '../../../src-main/core/model';
import { formatDate, formatMinutes, formatNumber } from '../../lib/format';
import type { Column } from './DataTable';

type CommuneRow = Result<'communes.list'>[number];

/** Column definitions per list, in the user's language. */
export function useColumns() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const n = (v: number): string => formatNumber(v, i18n.language);
    const yesNo = (b: boolean): string => (b ? t('lists.yes') : t('lists.no'));
    const num = <R,>(key: string, header: string, value: (r: R) => number): Column<R> => ({
      key, header, value, render: (r) => n(value(r)), numeric: true,
    });
    const communes: Array<Column<CommuneRow>> = [
      { key: 'code', header: t('col.code'), value: (r) => r.code },
      { key: 'name', header: t('col.name'), value: (r) => r.name },
      num('hamlets', t('col.hamlets'), (r) => r.hamlets),
      num('population', t('col.population'), (r) => r.population),
      num('eid', t('col.backlogEid'), (r) => r.backlog.eid),
      num('cccd', t('col.backlogCccd'), (r) => r.backlog.cccd),
    ];
    const hamlets: Array<Column<HamletRow>> = [
      { key: 'code', header: t('col.code'), value: (r) => r.code },
      { key: 'name', header: t('col.name'), value: (r) => r.name },
      { key: 'commune', header: t('col.commune'), value: (r) => r.communeName },
      num('population', t('col.population'), (r) => r.population),
      num('eid', t('col.backlogEid'), (r) => r.backlog?.remaining.eid ?? 0),
      num('cccd', t('col.backlogCccd'), (r) => r.backlog?.remaining.cccd ?? 0),
      num('home', t('col.homebound'), (r) => (r.backlog?.homebound.eid ?? 0) + (r.backlog?.homebound.cccd ?? 0)),
      { key: 'road', header: t('col.road'), value: (r) => t(`road.${r.roadClass}`) },
      { key: 'moto', header: t('col.motorbikeOnly'), value: (r) => yesNo(r.motorbikeOnly) },
      { key: 'cut', header: t('col.cutMonths'), value: (r) => r.cutMonths.join(', ') },
      { key: 'venue', header: t('col.venue'), value: (r) => r.venue },
    ];
    const teams: Array<Column<TeamRow>> = [
      { key: 'code', header: t('col.code'), value: (r) => r.code },
      { key: 'name', header: t('col.name'), value: (r) => r.name },
      { key: 'kind', header: t('col.kind'), value: (r) => t(`teamKind.${r.kind}`) },
      { key: 'base', header: t('col.base'), value: (r) => r.baseName },
      num('size', t('col.size'), (r) => r.size),
      { key: 'services', header: t('col.services'), value: (r) => r.services.map((s) => t(`service.${s}`)).join(', ') },
      num('kits', t('col.kits'), (r) => r.kits),
      num('eid', t('col.throughputEid'), (r) => r.throughputPerHour.eid),
      num('cccd', t('col.throughputCccd'), (r) => r.throughputPerHour.cccd),
      num('maxShifts', t('col.maxShifts'), (r) => r.maxShiftsPerWeek),
      { key: 'members', header: t('col.members'), value: (r) => r.members.map((m) => `${m.rank} ${m.name}`.trim()).join('; ') },
    ];
    const vehicles: Array<Column<VehicleRow>> = [
      { key: 'code', header: t('col.code'), value: (r) => r.code },
      { key: 'name', header: t('col.name'), value: (r) => r.name },
      { key: 'kind', header: t('col.kind'), value: (r) => t(`vehicleKind.${r.kind}`) },
      num('seats', t('col.seats'), (r) => r.seats),
      { key: 'base', header: t('col.base'), value: (r) => r.baseName },
      { key: 'roads', header: t('col.roadClasses'), value: (r) => r.roadClasses.map((c) => t(`road.${c}`)).join(', ') },
      num('cost', t('col.costPerKm'), (r) => r.costPerKm),
      { key: 'unavailable', header: t('col.unavailable'), value: (r) => r.unavailable.map(formatDate).join(', ') },
    ];
    const shifts: Array<Column<ShiftTemplate>> = [
      { key: 'code', header: t('col.code'), value: (r) => r.code },
      { key: 'name', header: t('col.name'), value: (r) => r.name },
      { key: 'kind', header: t('col.kind'), value: (r) => t(`shiftKind.${r.kind}`) },
      { key: 'weekdays', header: t('col.weekdays'), value: (r) => r.weekdays.map((d) => t(`weekday.${d}`)).join(', ') },
      { key: 'hours', header: t('col.hours'), value: (r) => `${formatMinutes(r.startMin)}–${formatMinutes(r.endMin)}` },
      { key: 'home', header: t('col.homeOnly'), value: (r) => yesNo(r.homeVisitsOnly) },
    ];
    return { communes, hamlets, teams, vehicles, shifts };
  }, [t, i18n.language]);
}
