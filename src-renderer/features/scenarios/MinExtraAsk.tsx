import { useTranslation } from 'react-i18next';
import type { VehicleKind } from '../../../src-main/core/model';
import { VehicleKindSelect } from './VehicleKindSelect';

/** What the least extra is asked of: teams like one (from a base), vehicles of a kind, or shifts copied onto more days. */
export type Ask = { kind: 'teams'; likeTeam: string; baseName?: string } | { kind: 'vehicles'; vehicleKind: VehicleKind } | { kind: 'shifts'; shiftCodes: string[] };

/**
 * The choice of resource and its details: the team to copy and its base, the vehicle kind,
 * or the shifts to extend, ticked in the order they are to be tried.
 */
export function MinExtraAsk({ ask, onAsk, likeTeam, teams, baseNames, extendable }: {
  ask: Ask;
  onAsk: (ask: Ask) => void;
  /** The team to copy: the one chosen, else the first. */
  likeTeam: string;
  teams: ReadonlyArray<{ id: number; code: string; name: string }>;
  baseNames: readonly string[];
  /** Shifts that do not run every day. */
  extendable: ReadonlyArray<{ code: string; name: string }>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <select aria-label={t('scenario.minExtra.resource')} value={ask.kind}
        onChange={(e) => onAsk(e.target.value === 'teams' ? { kind: 'teams', likeTeam } : e.target.value === 'shifts' ? { kind: 'shifts', shiftCodes: [] } : { kind: 'vehicles', vehicleKind: 'car' })}>
        <option value="teams">{t('scenario.minExtra.teams')}</option>
        <option value="vehicles">{t('scenario.minExtra.vehicles')}</option>
        <option value="shifts">{t('scenario.minExtra.shifts')}</option>
      </select>
      {ask.kind === 'shifts' ? (
        <span className="shift-ticks" data-testid="min-extra-shifts">
          {extendable.map((s) => {
            const at = ask.shiftCodes.indexOf(s.code);
            return (
              <label key={s.code} className="check">
                <input type="checkbox" checked={at >= 0} onChange={(e) => onAsk({
                  kind: 'shifts', shiftCodes: e.target.checked ? [...ask.shiftCodes, s.code] : ask.shiftCodes.filter((c) => c !== s.code),
                })} />
                {at >= 0 ? `${at + 1}. ` : ''}{t('scenario.minExtra.shiftCopy', { name: s.name })}
              </label>
            );
          })}
        </span>
      ) : ask.kind === 'teams' ? (
        <>
          <select aria-label={t('scenario.likeTeam')} value={likeTeam} onChange={(e) => onAsk({ ...ask, likeTeam: e.target.value })}>
            {teams.map((team) => <option key={team.id} value={team.code}>{team.name}</option>)}
          </select>
          <select aria-label={t('scenario.minExtra.base')} data-testid="min-extra-base" value={ask.baseName ?? ''} onChange={(e) => onAsk({ ...ask, baseName: e.target.value || undefined })}>
            <option value="">{t('scenario.minExtra.baseProposed')}</option>
            {baseNames.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </>
      ) : (
        <VehicleKindSelect value={ask.vehicleKind} onChange={(vehicleKind) => onAsk({ kind: 'vehicles', vehicleKind })} />
      )}
    </>
  );
}
