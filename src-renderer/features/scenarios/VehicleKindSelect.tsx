import { useTranslation } from 'react-i18next';
import { VEHICLE_KINDS, type VehicleKind } from '../../../src-main/core/model';

/** A vehicle kind, in the user's words (ô tô, xe bán tải, xe máy). */
export function VehicleKindSelect({ value, onChange }: { value: VehicleKind; onChange: (kind: VehicleKind) => void }) {
  const { t } = useTranslation();
  return (
    <select aria-label={t('scenario.vehicleKind')} value={value} onChange={(e) => onChange(e.target.value as VehicleKind)}>
      {VEHICLE_KINDS.map((k) => <option key={k} value={k}>{t(`scenario.kind.${k}`)}</option>)}
    </select>
  );
}
