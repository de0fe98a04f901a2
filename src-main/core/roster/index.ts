export * from './document';
export * from './settings';
export * from './wording';
export { buildRosterBundle, listRosterOptions, RosterScopeError, NATIONAL_TITLE, MOTTO, EMPTY_COMMUNE_NOTE, EMPTY_TEAM_NOTE, DRAFT_MARK } from './build';
export type { RosterSource } from './build';
