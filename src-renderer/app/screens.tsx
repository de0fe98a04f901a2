import type { ReactNode } from 'react';
import { HomePage } from '../features/home/HomePage';
import { AreasPage } from '../features/areas/AreasPage';
import { AuditPage } from '../features/data/AuditPage';
import { BackupsPage } from '../features/backup/BackupsPage';
import { DataPage, DATA_PAGES } from '../features/data/DataPage';
import { PlanPage } from '../features/plan/PlanPage';
import { ResultsPage } from '../features/results/ResultsPage';
import { RosterPage } from '../features/roster/RosterPage';
import { ScenariosPage } from '../features/scenarios/ScenariosPage';

/** Every screen of the app: its route (the URL hash), its tab label key, and what it shows. */
export interface Screen {
  route: string;
  labelKey: string;
  /** Main screens sit in the top bar; data screens in the row under it. */
  group: 'main' | 'data';
  render: () => ReactNode;
}

export const SCREENS: Screen[] = [
  { route: 'home', labelKey: 'nav.home', group: 'main', render: () => <HomePage /> },
  { route: 'plan', labelKey: 'plan.nav', group: 'main', render: () => <PlanPage /> },
  { route: 'roster', labelKey: 'roster.nav', group: 'main', render: () => <RosterPage /> },
  { route: 'results', labelKey: 'results.nav', group: 'main', render: () => <ResultsPage /> },
  { route: 'scenarios', labelKey: 'scenario.nav', group: 'main', render: () => <ScenariosPage /> },
  { route: 'areas', labelKey: 'areas.nav', group: 'main', render: () => <AreasPage /> },
  ...DATA_PAGES.map((name): Screen => ({ route: name, labelKey: `nav.${name}`, group: 'data', render: () => <DataPage page={name} /> })),
  { route: 'audit', labelKey: 'register.nav.audit', group: 'data', render: () => <AuditPage /> },
  { route: 'backups', labelKey: 'backup.nav', group: 'data', render: () => <BackupsPage /> },
];
