import type { TFunction } from 'i18next';
import type { ScenarioChange } from '../../../src-main/core/model';
import { formatDate, formatMinutes, formatNumber } from '../../lib/format';

/** A commune's name from its code, when the list is known (else the code is shown). */
export type CommuneName = (code: string) => string | undefined;

/** Dates shown in full in a summary; beyond them, "and N more". */
const DATES_SHOWN = 3;

/** "from A to B", "from A", "until B" or '' (dates or times, already formatted). */
function span(t: TFunction, from: string | undefined, to: string | undefined): string {
  if (from && to) return t('scenario.summary.range.fromTo', { from, to });
  if (from) return t('scenario.summary.range.from', { from });
  if (to) return t('scenario.summary.range.to', { to });
  return '';
}

/** A date range as " from 05/12/2022 to 11/12/2022", or '' for the whole campaign. */
function dateSpan(t: TFunction, c: { from?: string; to?: string }): string {
  const text = span(t, c.from && formatDate(c.from), c.to && formatDate(c.to));
  return text ? ` ${text}` : '';
}

/** New hours as "from 07:00 to 22:30", "until 22:30" ... */
const hourSpan = (t: TFunction, c: { startMin?: number; endMin?: number }): string =>
  span(t, c.startMin !== undefined ? formatMinutes(c.startMin) : undefined, c.endMin !== undefined ? formatMinutes(c.endMin) : undefined);

/** A signed amount in the language's style, the sign kept: "+1.500" / "+1,500", "-250". */
const signed = (n: number, lang: string): string => `${n > 0 ? '+' : ''}${formatNumber(n, lang)}`;

function datesList(t: TFunction, dates: readonly string[], lang: string): string {
  const shown = dates.slice(0, DATES_SHOWN).map(formatDate).join(', ');
  const rest = dates.length - DATES_SHOWN;
  return rest > 0 ? t('scenario.summary.moreDates', { count: rest, shown, rest: formatNumber(rest, lang) }) : shown;
}

/** " (Mon, Wed; from 07:00 to 11:30)": what differs from the shift copied. */
function copyDetail(t: TFunction, c: Extract<ScenarioChange, { kind: 'addShift' }>): string {
  const days = (c.weekdays ?? []).map((day) => t(`scenario.form.weekday${day}`)).join(', ');
  const parts = [days, hourSpan(t, c)].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/** The backlog's scope (" CCCD in Xã Yên Nhân") and amount ("+10%", "-250 people"). */
function backlogParams(t: TFunction, c: Extract<ScenarioChange, { kind: 'backlog' }>, lang: string, communeName: CommuneName): Record<string, string> {
  const service = c.service ? t(`scenario.row.${c.service}`) : '';
  const commune = c.commune ? t('scenario.summary.inCommune', { name: communeName(c.commune) ?? c.commune }) : '';
  const scope = [service, commune].filter(Boolean).join(' ');
  const people = c.addPeople ?? 0;
  const amount = c.percent !== undefined
    ? `${signed(c.percent, lang)}%`
    : t('scenario.summary.people', { count: Math.abs(people), amount: signed(people, lang) });
  return { scope: scope ? ` ${scope}` : '', amount };
}

function kindParams(c: ScenarioChange, t: TFunction, lang: string, communeName: CommuneName): Record<string, unknown> {
  switch (c.kind) {
    case 'deadline': return { date: formatDate(c.deadline) };
    case 'startDate': return { date: formatDate(c.from) };
    case 'removeTeams': return { when: dateSpan(t, c) };
    case 'loseVehicles': return { when: dateSpan(t, c) };
    case 'throughput': return { signed: signed(c.percent, lang), forTeams: c.teams ? ` ${t('scenario.summary.forTeams', { teams: c.teams.join(', ') })}` : '' };
    case 'addShift': return { detail: copyDetail(t, c) };
    case 'lengthenShift': return { hours: hourSpan(t, c) };
    case 'calendarDays': return { count: c.dates.length, dayKind: t(`scenario.summary.dayKind.${c.as}`), dates: datesList(t, c.dates, lang) };
    case 'servicePriority': return { priorityName: t(`register.campaign.priorityShort.${c.priority}`) };
    case 'backlog': return backlogParams(t, c, lang, communeName);
    default: return {};
  }
}

/**
 * The words a change's one-line summary needs (scenario.change.<kind>): dates as dd/MM/yyyy,
 * hours as HH:mm, numbers and signed amounts in the language's style (lang: "vi" or "en"),
 * teams listed, a commune by its name when it is known.
 */
export function changeParams(c: ScenarioChange, t: TFunction, lang: string, communeName: CommuneName = () => undefined): Record<string, unknown> {
  const params: Record<string, unknown> = { ...c };
  if ('count' in c) params.n = formatNumber(c.count, lang);
  // "2 cars" in English; a Vietnamese noun does not change.
  if ('vehicleKind' in c) params.kindName = t(`scenario.kind.${c.vehicleKind}`, { count: c.count });
  if ('teams' in c && c.teams) params.teamList = c.teams.join(', ');
  return { ...params, ...kindParams(c, t, lang, communeName) };
}
