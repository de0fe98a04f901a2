import type { Handlers } from './dispatch';
import { appHandlers } from './handlers/app';
import { areaHandlers } from './handlers/areas';
import { backupHandlers } from './handlers/backups';
import { dataHandlers } from './handlers/data';
import { holidayHandlers } from './handlers/holidays';
import { planHandlers } from './handlers/plan';
import { planManageHandlers } from './handlers/plan-manage';
import { registerHandlers } from './handlers/register';
import { resultsHandlers } from './handlers/results';
import { rosterHandlers } from './handlers/roster';
import { scenarioBriefHandlers } from './handlers/scenario-brief';
import { scenarioHandlers } from './handlers/scenarios';

export const handlers: Handlers = {
  ...appHandlers,
  ...dataHandlers,
  ...planHandlers,
  ...planManageHandlers,
  ...registerHandlers,
  ...rosterHandlers,
  ...scenarioHandlers,
  ...scenarioBriefHandlers,
  ...resultsHandlers,
  ...backupHandlers,
  ...holidayHandlers,
  ...areaHandlers,
};
