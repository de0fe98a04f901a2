import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

/**
 * A filled area workbook of another district than the demo's: Lang Chánh (Thanh Hóa), its
 * communes from the 2009 census centroids, four hamlets each, a post per commune, teams at the
 * parent unit's office and at posts, cars and motorbikes. `spoil` changes rows before writing.
 */
export interface AreaRows {
  communes: unknown[][];
  bases: unknown[][];
  hamlets: unknown[][];
  teams: unknown[][];
  vehicles: unknown[][];
}

/** Two districts of the 2009 census centroids (censusVN2009, MIT; ../shared/geo), kept with the tests. */
const CSV = join(__dirname, '../fixtures/thanh-hoa-communes-2009.csv');
const HQ = 'Công an tỉnh Thanh Hóa - Đội lưu động số 3';

export function langChanhRows(): AreaRows {
  return areaRows(['Lang Chanh'], 4);
}

/** The same for any districts of the 2009 list, `perCommune` hamlets each; `extraTeams` more mobile teams with a vehicle each. */
export function areaRows(districts: readonly string[], perCommune: number, extraTeams = 0): AreaRows {
  const lines = readFileSync(CSV, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const communes = lines.filter((c) => districts.includes(c[4]!)).map((c) => ({ code: c[0]!, name: c[8]!, population: Number(c[9]), lon: Number(c[11]), lat: Number(c[12]) }));
  const hamlets: unknown[][] = [];
  communes.forEach((c, ci) => {
    for (let k = 1; k <= perCommune; k++) {
      const population = 300 + 40 * k + 7 * ci;
      hamlets.push([`${c.code}-${k}`, c.name, `Bản ${k}`, population, Math.round(population * 0.06), Math.round(population * 0.4), 1, 3, '2026-12-01',
        0.15, 0.7, 0.85, c.lat + 0.01 * k, c.lon + 0.008 * k, k === 4 ? 'Đường rừng' : 'Đường đất', k === 4 ? 'Có' : 'Không', '', `Nhà văn hóa bản ${k}`, '']);
    }
  });
  const center = communes[0]!;
  const more = Array.from({ length: extraTeams }, (_, i) => i + 4);
  const rows: AreaRows = {
    communes: communes.map((c) => [c.code, c.name, c.lat, c.lon, c.population]),
    bases: [[HQ, 'Công an huyện', null, center.lat, center.lon], ...communes.map((c) => [`Công an ${c.name.toLowerCase().startsWith('thị') ? c.name : c.name.replace('Xã', 'xã')}`, 'Công an xã', c.name, c.lat, c.lon])],
    hamlets,
    teams: [
      ...[1, 2, 3].map((n) => [`LC-0${n}`, `Tổ lưu động số ${n}`, 'Lưu động', HQ, 4, 'CCCD; Định danh điện tử', 1, 12, 30, 5, 15, 'Ban ngày (đến nhà); Buổi tối ngày thường; Cuối tuần', 6, 4, '']),
      ...[1, 2].map((n) => [`CD-0${n}`, `Tổ cố định số ${n}`, 'Cố định', `Công an ${communes[n]!.name.replace('Xã', 'xã')}`, 3, 'Định danh điện tử', 0, 0, 25, 4, 10, 'Buổi tối ngày thường; Cuối tuần', 6, 4, '']),
    ],
    vehicles: [
      ...[1, 2, 3].map((n) => [`36A-55${n}.0${n}`, `Ô tô bán tải số ${n}`, 'Bán tải', 5, HQ, 'Đường nhựa/bê tông; Đường đất; Đường rừng', 5000, '']),
      ...[1, 2, 3, 4].map((n) => [`36B-77${n}.0${n}`, `Xe máy số ${n}`, 'Xe máy', 2, HQ, 'Đường nhựa/bê tông; Đường đất; Đường rừng', 800, '']),
      ...[1, 2].map((n) => [`36B-88${n}.0${n}`, `Xe máy xã số ${n}`, 'Xe máy', 2, `Công an ${communes[n]!.name.replace('Xã', 'xã')}`, 'Đường nhựa/bê tông; Đường đất; Đường rừng', 800, '']),
    ],
  };
  for (const n of more) {
    rows.teams.push([`LC-${n}`, `Tổ lưu động số ${n}`, 'Lưu động', HQ, 2, 'Định danh điện tử', 0, 0, 30, 5, 15, 'Buổi tối ngày thường; Cuối tuần', 6, 4, '']);
    if (n % 2 === 0) rows.vehicles.push([`36A-9${String(n).padStart(3, '0')}.00`, `Ô tô số ${n}`, 'Ô tô', 7, HQ, 'Đường nhựa/bê tông; Đường đất', 4000, '']);
  }
  return rows;
}

/** The template's sheets filled with `rows` (sheet names and headers as the template has them). */
export async function fillAreaWorkbook(template: Buffer, rows: AreaRows, omit: ReadonlyArray<keyof AreaRows> = []): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  const names: Record<keyof AreaRows, string> = { communes: 'Xã', bases: 'Trụ sở', hamlets: 'Thôn bản', teams: 'Tổ công tác', vehicles: 'Phương tiện' };
  for (const [list, name] of Object.entries(names) as Array<[keyof AreaRows, string]>) {
    if (omit.includes(list)) continue;
    const sheet = book.getWorksheet(name)!;
    for (const row of rows[list]) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
