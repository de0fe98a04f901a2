import type { ReactNode } from 'react';
import { HomePage } from '../features/home/HomePage';
import { ListsPage, LIST_NAMES } from '../features/lists/ListsPage';
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
  ...LIST_NAMES.map((name) => ({ route: name, labelKey: `nav.${name}`, render: () => <ListsPage list={name} /> })),
];
