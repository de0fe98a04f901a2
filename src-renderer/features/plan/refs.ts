import { useMemo } from 'react';
import type { HamletRow, MapData, TeamRow, VehicleRow } from '../../../src-main/api/contract';
import type { ShiftTemplate } from '../../../src-main/core/model';
import { useRpc } from '../../lib/useRpc';

/** Names and places the plan views show next to ids. */
export interface PlanRefs {
  map: MapData;
  hamlet: Map<number, HamletRow>;
  team: Map<number, TeamRow>;
  teams: TeamRow[];
  template: Map<number, ShiftTemplate>;
  templates: ShiftTemplate[];
  vehicle: Map<number, VehicleRow>;
  communeName: Map<number, string>;
}

export function usePlanRefs(): { refs: PlanRefs | null; error: Error | null } {
  const map = useRpc('map.get');
  const teams = useRpc('teams.list');
  const templates = useRpc('shiftTemplates.list');
  const vehicles = useRpc('vehicles.list');
  const refs = useMemo(() => {
    if (!map.data || !teams.data || !templates.data || !vehicles.data) return null;
    return {
      map: map.data,
      hamlet: new Map(map.data.hamlets.map((h) => [h.id, h])),
      team: new Map(teams.data.map((t) => [t.id, t])),
      teams: teams.data,
      template: new Map(templates.data.map((t) => [t.id, t])),
      templates: templates.data,
      vehicle: new Map(vehicles.data.map((v) => [v.id, v])),
      communeName: new Map(map.data.communes.map((c) => [c.id, c.name])),
    };
  }, [map.data, teams.data, templates.data, vehicles.data]);
  return { refs, error: map.error ?? teams.error ?? templates.error ?? vehicles.error };
}
