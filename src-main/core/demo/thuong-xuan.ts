import type { DemoDataset } from './dataset';
import { generateDistrict } from './generate';
import { THUONG_XUAN, thuongXuanCommunes, type CentroidRow, type CommuneOutlines } from './inputs';

/**
 * The shipped demo (resources/demo/thuong-xuan.json): Thường Xuân, Thanh Hóa, during the
 * "90 days and nights" drive of 17/11-31/12/2022, with the backlog the district reported.
 */
export function generateThuongXuan(outlines: CommuneOutlines, centroids: readonly CentroidRow[], seed: number = THUONG_XUAN.seed): DemoDataset {
  return generateDistrict({
    seed,
    district: { ...THUONG_XUAN.district },
    communes: thuongXuanCommunes(outlines, centroids),
    townCode: THUONG_XUAN.townCode,
    targets: { population: THUONG_XUAN.targets.population, backlog: { ...THUONG_XUAN.targets.backlog } },
    campaign: { ...THUONG_XUAN.campaign },
    label: 'Huyện Thường Xuân, Tỉnh Thanh Hóa: đợt cao điểm 17/11-31/12/2022 (dữ liệu minh họa)',
  });
}
