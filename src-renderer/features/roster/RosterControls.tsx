import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterOptions, RosterScope } from '../../../src-main/api/contract';
import { DateInput } from '../../app/DateInput';
import { formatDate } from '../../lib/format';
import type { Orientation } from './RosterPreview';

export type ScopeKind = RosterScope['kind'];
const SCOPE_KINDS: ScopeKind[] = ['commune', 'team', 'allCommunes', 'allTeams'];
const ORIENTATIONS: Orientation[] = ['auto', 'portrait', 'landscape'];

interface RosterControlsProps {
  /** The plan's own picker, shown first. */
  planPicker: ReactNode;
  options: RosterOptions;
  weekCode: string;
  onWeek: (week: string) => void;
  kind: ScopeKind;
  onKind: (kind: ScopeKind) => void;
  /** The scope shown; its commune or team picks the one in the second list. */
  scope: RosterScope | null;
  onCommune: (communeId: number) => void;
  onTeam: (teamId: number) => void;
  /** Communes whose rosters need re-printing, marked in the commune list. */
  changed: ReadonlySet<number>;
  orientation: Orientation;
  onOrientation: (orientation: Orientation) => void;
  issuedOn: string;
  onIssuedOn: (issuedOn: string) => void;
  onIssuedValidity: (valid: boolean) => void;
}

/** What the rosters are of: plan, week, commune or team (or all of them), page orientation, date of issue. */
export function RosterControls({
  planPicker, options, weekCode, onWeek, kind, onKind, scope, onCommune, onTeam, changed, orientation, onOrientation, issuedOn, onIssuedOn, onIssuedValidity,
}: RosterControlsProps) {
  const { t } = useTranslation();
  return (
    <div className="controls">
      {planPicker}
      <label>
        {t('roster.week')}
        <select value={weekCode} onChange={(e) => onWeek(e.target.value)} data-testid="roster-week" disabled={options.weeks.length === 0}>
          {options.weeks.map((w) => (
            <option key={w.code} value={w.code}>
              {t('roster.weekOption', { number: Number(w.code.slice(6)), from: formatDate(w.from), to: formatDate(w.to), count: w.visits, visits: w.visits })}
            </option>
          ))}
        </select>
      </label>
      <KeySelect label={t('roster.scope')} value={kind} keys={SCOPE_KINDS} word={(k) => t(`roster.scopes.${k}`)} onChange={onKind} testId="roster-scope" />
      {scope?.kind === 'commune' && (
        <label>
          {t('roster.commune')}
          <select value={scope.communeId} onChange={(e) => onCommune(Number(e.target.value))} data-testid="roster-commune">
            {options.communes.map((c) => (
              <option key={c.id} value={c.id}>
                {t('roster.withVisits', { name: c.name, count: c.visitsByWeek[weekCode] ?? 0 })}{changed.has(c.id) ? ` — ${t('roster.changed')}` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {scope?.kind === 'team' && (
        <label>
          {t('roster.team')}
          <select value={scope.teamId} onChange={(e) => onTeam(Number(e.target.value))} data-testid="roster-team">
            {options.teams.map((tm) => (
              <option key={tm.id} value={tm.id}>{t('roster.withShifts', { name: `${tm.code} ${tm.name}`, count: tm.shiftsByWeek[weekCode] ?? 0 })}</option>
            ))}
          </select>
        </label>
      )}
      <KeySelect
        label={t('roster.orientation')} value={orientation} keys={ORIENTATIONS} word={(o) => t(`roster.orientations.${o}`)} onChange={onOrientation} testId="roster-orientation"
      />
      <label title={t('roster.issuedOnHint')}>
        {t('roster.issuedOn')}
        <DateInput value={issuedOn} onChange={onIssuedOn} onValidity={onIssuedValidity} testId="roster-issued" />
      </label>
    </div>
  );
}

/** A labelled choice among fixed keys, each shown in words. */
function KeySelect<K extends string>({ label, value, keys, word, onChange, testId }: {
  label: string;
  value: K;
  keys: readonly K[];
  word: (key: K) => string;
  onChange: (key: K) => void;
  testId: string;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as K)} data-testid={testId}>
        {keys.map((k) => <option key={k} value={k}>{word(k)}</option>)}
      </select>
    </label>
  );
}
