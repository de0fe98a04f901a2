import type { ListName, AnyListSpec } from '../spec';
import { basesList, communesList, hamletsList, travelList } from './places';
import { calendarList, membersList, shiftsList, teamsList, vehiclesList } from './resources';

export const LISTS: Record<ListName, AnyListSpec> = {
  communes: communesList,
  hamlets: hamletsList,
  bases: basesList,
  teams: teamsList,
  members: membersList,
  vehicles: vehiclesList,
  shifts: shiftsList,
  calendar: calendarList,
  travel: travelList,
};

export * from './places';
export * from './resources';
