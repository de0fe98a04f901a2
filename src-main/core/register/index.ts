/** The data register: row schemas, header aliases, cell reading and import planning. Pure. */
export * from './cells';
export * from './date-ranges';
export * from './team-defaults';
export * from './fields';
export * from './issues';
export * from './labels';
export * from './refs';
export * from './spec';
export * from './table';
export * from './plan';
export * from './export';
export { LISTS } from './lists';
export type {
  BaseRecord, CalendarRecord, CommuneRecord, HamletEntity, HamletRecord, MemberRecord, ShiftRecord, TeamRecord, TravelRecord, VehicleRecord,
} from './lists';
export * from './campaign';
