import type { ReactNode } from 'react';
import { HomePage } from '../features/home/HomePage';
import { AuditPage } from '../features/data/AuditPage';
import { DataPage, DATA_PAGES } from '../features/data/DataPage';
import { PlanPage } from '../features/plan/PlanPage';
import { RosterPage } from '../features/roster/RosterPage';

/** Every screen of the app: its route (the URL hash), its tab label key, and what it shows. */
export interface Screen {
  route: string;
  labelKey: string;
  render: () => ReactNode;
}

export const SCREENS: Screen[] = [
  { route: 'home', labelKey: 'nav.home', render: () => <HomePage /> },
  { route: 'plan', labelKey: 'plan.nav', render: () => <PlanPage /> },
  { route: 'roster', labelKey: 'roster.nav', render: () => <RosterPage /> },
  ...DATA_PAGES.map((name) => ({ route: name, labelKey: `nav.${name}`, render: () => <DataPage page={name} /> })),
  { route: 'audit', labelKey: 'register.nav.audit', render: () => <AuditPage /> },
];
