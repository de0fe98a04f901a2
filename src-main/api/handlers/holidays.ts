import { vietnamHolidays } from '../../core/calendar/holidays';
import { planImport } from '../../core/register';
import { applyImport, planContext } from '../../db/repos/register';
import { getCampaign, listCalendarExceptions } from '../../db/repos/resources';
import type { Handlers } from '../dispatch';
import { AppError } from '../errors';
import { today } from './register-import';

const COLUMNS = { date: 'date', kind: 'kind', name: 'name' };

export const holidayHandlers: Pick<Handlers, 'holidays.suggest' | 'holidays.add'> = {
  'holidays.suggest': ({ from, to }, ctx) => {
    const campaign = getCampaign(ctx.db);
    const start = from ?? campaign?.startDate;
    const end = to ?? campaign?.deadline;
    if (!start || !end) throw new AppError('NO_CAMPAIGN', 'Set the campaign dates first, or give a range.', { key: 'noCampaign' });
    if (end < start) throw new AppError('BAD_PARAMS', `The range ends (${end}) before it starts (${start}).`);
    const stored = new Map(listCalendarExceptions(ctx.db).map((e) => [e.date, e]));
    return { from: start, to: end, days: vietnamHolidays(start, end).map((d) => ({ ...d, existing: stored.get(d.date) ?? null })) };
  },
  // The same checks and write as an import of the calendar list: one transaction, one undo entry.
  'holidays.add': ({ days }, ctx) => {
    const rows = days.map((d, i) => ({ row: i + 1, values: { date: d.date, kind: d.kind, name: d.name } }));
    const planned = planImport(planContext(ctx.db, 'calendar', today()), rows, COLUMNS);
    if (planned.rejects.length) return { added: 0, updated: 0, rejects: planned.rejects };
    return { ...applyImport(ctx.db, 'calendar', planned, 'holidays'), rejects: [] };
  },
};
