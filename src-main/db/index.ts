import { isEmpty, resetToDemo } from './demo';
import { openMigrated, type Db } from './open';

export type { Db } from './open';
export { DatabaseCorruptError, DatabaseTooNewError, MigrationFailedError, openMigrated, latestVersion, loadMigrations } from './open';
export { firstPlanningDay, loadPlanningInstance, NoCampaignError } from './instance';
export { savePlan, getPlan, listPlans, publishPlan, publishedPlanId, setPinned, replaceRoute, dataVersion, renamePlan, deleteDraft } from './repos/plans';
export type { StoredPlan, StoredRoute, NewPlan } from './repos/plans';
export { resetToDemo, readDemoData } from './demo';
export { lastResultDay } from './repos/results';

/** Opens the app database; a new (empty) one is filled with the demo district. */
export function openDatabase(file: string): Db {
  const db = openMigrated(file);
  if (isEmpty(db)) resetToDemo(db);
  return db;
}
