import { z } from 'zod';
import { backlog, base, commune, hamlet, travelPair, type Backlog, type Base, type Commune, type Hamlet, type TravelPair } from '../../model';
import { sameName } from '../cells';
import {
  boolField, choiceField, dateField, decimalField, intField, intsField, refField, textField,
} from '../fields';
import { baseKindWords, roadClassWords, travelSourceWords } from '../labels';
import { isProblem } from '../refs';
import { checkedDraft, checkedEntity, defineList } from '../spec';

const code = textField('code', 'Mã', 'Code', { note: 'Mã duy nhất, không trùng trong danh sách. Dòng có mã đã có sẽ cập nhật dòng đó.', aliases: ['mã số', 'ma xa', 'mã xã', 'commune code', 'id'] });
const lat = decimalField('lat', 'Vĩ độ', 'Latitude', { note: 'Vĩ độ (độ thập phân, ví dụ 19,9022). Phải nằm trong lãnh thổ Việt Nam (8 – 23,5).', aliases: ['lat', 'vi do'], geo: true });
const lon = decimalField('lon', 'Kinh độ', 'Longitude', { note: 'Kinh độ (độ thập phân, ví dụ 105,3504). Phải nằm trong lãnh thổ Việt Nam (102 – 110).', aliases: ['lon', 'lng', 'long', 'kinh do'], geo: true });
const population = (most: string) =>
  intField('population', 'Dân số', 'Population', { note: `Số dân (số nguyên, không âm, không quá ${most}).`, aliases: ['số dân', 'nhân khẩu', 'so nhan khau'] });

export const communeRecord = z.object({
  code: commune.shape.code, name: commune.shape.name, lat: commune.shape.lat, lon: commune.shape.lon, population: commune.shape.population,
});
export type CommuneRecord = z.infer<typeof communeRecord>;

export const communesList = defineList<CommuneRecord, Commune, Omit<Commune, 'id'>>({
  name: 'communes',
  sheet: { vi: 'Xã', en: 'Communes' },
  sheetAliases: ['xã thị trấn', 'danh sách xã', 'xa'],
  fields: [
    code,
    textField('name', 'Tên xã', 'Commune name', { note: 'Tên xã/thị trấn, ví dụ "Xã Bát Mọt".', aliases: ['tên', 'xã', 'xã/thị trấn', 'name', 'commune'] }),
    lat, lon, population('2.000.000'),
  ],
  schema: communeRecord,
  requiredColumns: [['code']],
  keys: (r) => (r.code ? [`code:${r.code}`] : []),
  toEntity: (r, refs) => {
    if (refs.data.planningAreaId === null) return { field: null, key: 'noPlanningArea' };
    return checkedDraft(commune, { ...r, areaId: refs.data.planningAreaId }, 'id');
  },
  toRecord: (c) => ({ code: c.code, name: c.name, lat: c.lat, lon: c.lon, population: c.population }),
  keyOf: (c) => String(c.id),
  label: (r) => r.name,
  examples: [
    { code: '15607', name: 'Xã Bát Mọt', lat: 20.01336, lon: 105.01662, population: 3329 },
    { code: '15610', name: 'Xã Yên Nhân', lat: 20.00842, lon: 105.13309, population: 2950 },
  ],
});

const share = (key: string, vi: string, en: string, when: string) =>
  decimalField(key, vi, en, { note: `Tỷ lệ người chưa làm gặp được vào ${when}: từ 0 đến 1 (0,75 hoặc 75%).`, aliases: [] });
const count = (key: string, vi: string, en: string, note: string, aliases: string[]) =>
  intField(key, vi, en, { note, aliases, fallback: 0 });

export const hamletRecord = z
  .object({
    code: z.string().trim().max(40),
    commune: z.string().trim().min(1).max(200),
    name: hamlet.shape.name,
    lat: hamlet.shape.lat,
    lon: hamlet.shape.lon,
    population: hamlet.shape.population,
    roadClass: hamlet.shape.roadClass,
    motorbikeOnly: hamlet.shape.motorbikeOnly,
    cutMonths: hamlet.shape.cutMonths,
    venue: hamlet.shape.venue,
    contact: hamlet.shape.contact,
    reachWeekdayDay: hamlet.shape.reach.shape.weekday_day,
    reachWeekdayEvening: hamlet.shape.reach.shape.weekday_evening,
    reachWeekend: hamlet.shape.reach.shape.weekend,
    remainingCccd: backlog.shape.remaining.shape.cccd,
    remainingEid: backlog.shape.remaining.shape.eid,
    homeboundCccd: backlog.shape.homebound.shape.cccd,
    homeboundEid: backlog.shape.homebound.shape.eid,
    countedOn: backlog.shape.countedOn,
  })
  .superRefine((h, ctx) => {
    for (const s of ['Cccd', 'Eid'] as const) {
      if (h.population >= 0 && h[`remaining${s}`] > h.population) {
        ctx.addIssue({ code: 'custom', path: [`remaining${s}`], message: 'backlogOverPopulation', params: { population: h.population } });
      }
      if (h[`homebound${s}`] > h[`remaining${s}`]) {
        ctx.addIssue({ code: 'custom', path: [`homebound${s}`], message: 'homeboundOverRemaining', params: { remaining: h[`remaining${s}`] } });
      }
    }
  });
export type HamletRecord = z.infer<typeof hamletRecord>;
export interface HamletEntity { hamlet: Hamlet; backlog: Backlog | null }
export interface HamletDraft { hamlet: Omit<Hamlet, 'id'>; backlog: Omit<Backlog, 'hamletId'> }

const COUNT_FIELDS = ['remainingCccd', 'remainingEid', 'homeboundCccd', 'homeboundEid'] as const;

export const hamletsList = defineList<HamletRecord, HamletEntity, HamletDraft>({
  name: 'hamlets',
  sheet: { vi: 'Thôn bản', en: 'Hamlets' },
  sheetAliases: ['thôn', 'thôn/bản', 'danh sách thôn', 'thon ban', 'hamlet'],
  // The backlog comes right after the name: it is what planners update most, in the table and in files.
  fields: [
    textField('code', 'Mã thôn', 'Hamlet code', { note: 'Mã thôn, không trùng. Bỏ trống: dòng được khớp theo xã + tên thôn; thôn mới được cấp mã tự động (mã xã-số thứ tự).', aliases: ['mã', 'code', 'ma so thon'], fallback: '' }),
    refField('commune', 'Xã', 'Commune', { note: 'Tên xã/thị trấn (hoặc mã xã) đã có trong danh sách xã.', aliases: ['xã/thị trấn', 'tên xã', 'mã xã', 'commune name', 'commune code'], ref: 'commune' }),
    textField('name', 'Tên thôn', 'Hamlet name', { note: 'Tên thôn/bản/xóm/ấp/làng/tổ dân phố. Không trùng trong cùng một xã.', aliases: ['thôn', 'thôn/bản', 'tên', 'name', 'hamlet'] }),
    population('100.000'),
    count('remainingCccd', 'CCCD còn phải cấp', 'CCCD backlog', 'Số hồ sơ CCCD gắn chip còn phải thu nhận. Không lớn hơn dân số. Bỏ trống = 0.', ['số chưa cấp cccd', 'cccd còn lại', 'cccd chưa cấp', 'tồn cccd']),
    count('remainingEid', 'ĐDĐT còn phải làm', 'e-ID backlog', 'Số tài khoản định danh điện tử mức 2 còn phải thu nhận và kích hoạt. Không lớn hơn dân số. Bỏ trống = 0.', ['định danh điện tử còn lại', 'ddđt còn lại', 'số chưa định danh', 'tồn ddđt', 'eid backlog', 'e-id remaining']),
    count('homeboundCccd', 'CCCD cần đến nhà', 'CCCD homebound', 'Trong số CCCD còn lại, số người chỉ làm được tại nhà (già yếu, ốm đau, khuyết tật). Bỏ trống = 0.', ['cccd tại nhà', 'cccd homebound']),
    count('homeboundEid', 'ĐDĐT cần đến nhà', 'e-ID homebound', 'Trong số ĐDĐT còn lại, số người chỉ làm được tại nhà. Bỏ trống = 0.', ['ddđt tại nhà', 'e-id homebound', 'eid homebound']),
    dateField('countedOn', 'Ngày thống kê', 'Counted on', { note: 'Ngày đếm số liệu tồn (dd/MM/yyyy). Bỏ trống: ngày nhập nếu số liệu thay đổi.', aliases: ['ngày số liệu', 'ngày đếm', 'counted', 'count date'], fallback: '' }),
    share('reachWeekdayDay', 'Tỷ lệ gặp ban ngày', 'Reach weekday daytime', 'ban ngày ngày thường (đến tận nhà)'),
    share('reachWeekdayEvening', 'Tỷ lệ gặp buổi tối', 'Reach weekday evening', 'buổi tối ngày thường (18:00-22:00)'),
    share('reachWeekend', 'Tỷ lệ gặp cuối tuần', 'Reach weekend', 'thứ Bảy, Chủ nhật'),
    lat, lon,
    choiceField('roadClass', 'Loại đường', 'Road class', { note: 'Đường vào thôn: Đường nhựa/bê tông, Đường đất hoặc Đường rừng.', aliases: ['đường', 'đường vào', 'road'], vocabulary: roadClassWords }),
    boolField('motorbikeOnly', 'Chỉ xe máy vào được', 'Motorbike only', { note: 'Có nếu chỉ xe máy vào được; bỏ trống hoặc Không nếu ô tô vào được.', aliases: ['chỉ xe máy', 'motorbike'], fallback: false }),
    intsField('cutMonths', 'Tháng bị chia cắt', 'Months cut off', { note: 'Các tháng (1-12) đường bị chia cắt, cách nhau bởi dấu chấm phẩy, ví dụ "7; 8; 9". Bỏ trống nếu không bị chia cắt.', aliases: ['tháng chia cắt', 'cut months'], fallback: [] }),
    textField('venue', 'Địa điểm', 'Venue', { note: 'Nơi tổ chức thu nhận (nhà văn hóa, nhà sinh hoạt cộng đồng...).', aliases: ['nơi thu nhận', 'địa điểm thu nhận', 'venue'], fallback: '' }),
    textField('contact', 'Liên hệ', 'Contact', { note: 'Người liên hệ và số điện thoại (trưởng thôn...).', aliases: ['người liên hệ', 'contact'], fallback: '' }),
  ],
  schema: hamletRecord,
  requiredColumns: [['code'], ['commune', 'name']],
  keys: (r, refs) => {
    const out: string[] = [];
    if (r.code) out.push(`code:${r.code}`);
    const c = r.commune && r.name ? refs.commune(r.commune) : null;
    if (c && !isProblem(c)) out.push(`name:${c.id}|${sameName(r.name ?? '')}`);
    return out;
  },
  complete: (r, { before, provided, today, refs, takenCodes }) => {
    let codeValue = r.code || before?.code || '';
    if (!codeValue) {
      const c = refs.commune(r.commune);
      const prefix = isProblem(c) ? '' : refs.communeCode(c.id);
      for (let n = 1; prefix && !codeValue; n++) {
        const candidate = `${prefix}-${String(n).padStart(2, '0')}`;
        if (!takenCodes.has(candidate)) codeValue = candidate;
      }
    }
    const countsChanged = !before || COUNT_FIELDS.some((f) => before[f] !== r[f]);
    const dated = provided.has('countedOn') && r.countedOn !== '';
    const countedOn = dated ? r.countedOn : countsChanged || !before ? today : before.countedOn;
    return { ...r, code: codeValue, countedOn };
  },
  toEntity: (r, refs) => {
    const c = refs.commune(r.commune);
    if (isProblem(c)) return { field: 'commune', ...c };
    const h = checkedDraft(hamlet, {
      communeId: c.id, code: r.code, name: r.name, lat: r.lat, lon: r.lon, population: r.population, venue: r.venue,
      contact: r.contact, roadClass: r.roadClass, motorbikeOnly: r.motorbikeOnly, cutMonths: r.cutMonths, illustrative: false,
      reach: { weekday_day: r.reachWeekdayDay, weekday_evening: r.reachWeekdayEvening, weekend: r.reachWeekend },
    }, 'id');
    if ('field' in h) return h;
    const b = checkedDraft(backlog, {
      remaining: { cccd: r.remainingCccd, eid: r.remainingEid }, homebound: { cccd: r.homeboundCccd, eid: r.homeboundEid }, countedOn: r.countedOn,
    }, 'hamletId');
    return 'field' in b ? b : { hamlet: h, backlog: b };
  },
  toRecord: ({ hamlet: h, backlog: b }, refs) => ({
    code: h.code, commune: refs.communeName(h.communeId), name: h.name, lat: h.lat, lon: h.lon, population: h.population,
    roadClass: h.roadClass, motorbikeOnly: h.motorbikeOnly, cutMonths: h.cutMonths, venue: h.venue, contact: h.contact,
    reachWeekdayDay: h.reach.weekday_day, reachWeekdayEvening: h.reach.weekday_evening, reachWeekend: h.reach.weekend,
    remainingCccd: b?.remaining.cccd ?? 0, remainingEid: b?.remaining.eid ?? 0,
    homeboundCccd: b?.homebound.cccd ?? 0, homeboundEid: b?.homebound.eid ?? 0, countedOn: b?.countedOn ?? '',
  }),
  keyOf: (e) => String(e.hamlet.id),
  label: (r) => `${r.name} (${r.commune})`,
  moveField: 'commune',
  examples: [
    {
      code: '15607-01', commune: 'Xã Bát Mọt', name: 'Làng Dùng', lat: 20.01356, lon: 105.01352, population: 308, roadClass: 'dirt',
      motorbikeOnly: false, cutMonths: [], venue: 'Nhà văn hóa làng Dùng', contact: 'Trưởng thôn, 0983 668 365',
      reachWeekdayDay: 0.13, reachWeekdayEvening: 0.75, reachWeekend: 0.88,
      remainingCccd: 6, remainingEid: 228, homeboundCccd: 0, homeboundEid: 11, countedOn: '2022-11-17',
    },
    {
      code: '', commune: 'Xã Bát Mọt', name: 'Bản Mới', lat: 20.02, lon: 105.0, population: 150, roadClass: 'forest',
      motorbikeOnly: true, cutMonths: [7, 8, 9], venue: 'Nhà sinh hoạt cộng đồng bản Mới', contact: '',
      reachWeekdayDay: 0.1, reachWeekdayEvening: 0.6, reachWeekend: 0.8,
      remainingCccd: 3, remainingEid: 120, homeboundCccd: 1, homeboundEid: 5, countedOn: '2022-11-17',
    },
  ],
});

export const baseRecord = z.object({
  name: base.shape.name,
  kind: base.shape.kind,
  commune: z.string().trim().max(200),
  lat: base.shape.lat,
  lon: base.shape.lon,
});
export type BaseRecord = z.infer<typeof baseRecord>;

export const basesList = defineList<BaseRecord, Base, Omit<Base, 'id'>>({
  name: 'bases',
  sheet: { vi: 'Trụ sở', en: 'Bases' },
  sheetAliases: ['trụ sở công an', 'bases', 'base'],
  fields: [
    textField('name', 'Tên trụ sở', 'Base name', { note: 'Tên trụ sở, ví dụ "Công an xã Bát Mọt". Tổ công tác và phương tiện ghi nơi đóng bằng tên này.', aliases: ['trụ sở', 'tên', 'name', 'base'] }),
    choiceField('kind', 'Loại', 'Kind', { note: 'Công an huyện hoặc Công an xã.', aliases: ['cấp', 'kind'], vocabulary: baseKindWords }),
    refField('commune', 'Xã', 'Commune', { note: 'Xã của trụ sở (bỏ trống với Công an huyện).', aliases: ['tên xã', 'mã xã', 'commune'], ref: 'commune', fallback: '' }),
    lat, lon,
  ],
  schema: baseRecord,
  requiredColumns: [['name']],
  keys: (r) => (r.name ? [`name:${sameName(r.name)}`] : []),
  toEntity: (r, refs) => {
    let communeId: number | null = null;
    if (r.commune) {
      const c = refs.commune(r.commune);
      if (isProblem(c)) return { field: 'commune', ...c };
      communeId = c.id;
    }
    return checkedDraft(base, { name: r.name, kind: r.kind, communeId, lat: r.lat, lon: r.lon }, 'id');
  },
  toRecord: (b, refs) => ({ name: b.name, kind: b.kind, commune: refs.communeName(b.communeId), lat: b.lat, lon: b.lon }),
  keyOf: (b) => String(b.id),
  label: (r) => r.name,
  examples: [
    { name: 'Công an huyện Thường Xuân', kind: 'hq', commune: '', lat: 19.90226, lon: 105.35048 },
    { name: 'Công an xã Bát Mọt', kind: 'post', commune: 'Xã Bát Mọt', lat: 20.01336, lon: 105.01662 },
  ],
});

const place = (key: string, vi: string, en: string, aliases: string[]) =>
  refField(key, vi, en, { note: 'Mã thôn (ví dụ 15607-01) hoặc tên trụ sở (ví dụ "Công an xã Bát Mọt").', aliases, ref: 'location' });

export const travelRecord = z
  .object({
    from: z.string().trim().min(1).max(200),
    to: z.string().trim().min(1).max(200),
    distanceKm: z.number().min(0).max(1000),
    minutes: travelPair.shape.minutes.max(24 * 60),
    source: travelPair.shape.source,
  });
export type TravelRecord = z.infer<typeof travelRecord>;

const pairKey = (from: string, to: string): string => `${from}>${to}`;

export const travelList = defineList<TravelRecord, TravelPair>({
  name: 'travel',
  sheet: { vi: 'Quãng đường', en: 'Travel' },
  sheetAliases: ['khoảng cách', 'cự ly', 'travel pairs', 'distances'],
  fields: [
    place('from', 'Từ', 'From', ['điểm đi', 'nơi đi', 'from']),
    place('to', 'Đến', 'To', ['điểm đến', 'nơi đến', 'to']),
    decimalField('distanceKm', 'Quãng đường (km)', 'Distance (km)', { note: 'Quãng đường bộ, tính bằng km (ví dụ 12,5). Không quá 1.000 km.', aliases: ['quãng đường', 'khoảng cách', 'km', 'distance'] }),
    intField('minutes', 'Thời gian (phút)', 'Time (minutes)', { note: 'Thời gian đi, tính bằng phút (số nguyên). Không quá 1.440 phút.', aliases: ['thời gian', 'phút', 'minutes', 'time'] }),
    choiceField('source', 'Nguồn', 'Source', { note: 'Đo thực tế hoặc Ước tính. Bỏ trống = Đo thực tế.', aliases: ['nguồn số liệu', 'source'], vocabulary: travelSourceWords, fallback: 'measured' }),
  ],
  schema: travelRecord,
  requiredColumns: [['from', 'to']],
  keys: (r, refs) => {
    if (!r.from || !r.to) return [];
    const from = refs.location(r.from);
    const to = refs.location(r.to);
    return typeof from === 'string' && typeof to === 'string' ? [pairKey(from, to)] : [];
  },
  toEntity: (r, refs) => {
    const from = refs.location(r.from);
    if (typeof from !== 'string') return { field: 'from', ...from };
    const to = refs.location(r.to);
    if (typeof to !== 'string') return { field: 'to', ...to };
    if (from === to) return { field: 'to', key: 'sameLocation' };
    return checkedEntity(travelPair, { from, to, distanceM: Math.round(r.distanceKm * 1000), minutes: r.minutes, source: r.source });
  },
  toRecord: (t, refs) => ({
    from: refs.locationLabel(t.from), to: refs.locationLabel(t.to), distanceKm: t.distanceM / 1000, minutes: t.minutes, source: t.source,
  }),
  keyOf: (t) => pairKey(t.from, t.to),
  label: (r) => `${r.from} → ${r.to}`,
  examples: [
    { from: 'Công an huyện Thường Xuân', to: '15607-01', distanceKm: 45.2, minutes: 70, source: 'measured' },
    { from: '15607-01', to: '15607-02', distanceKm: 3.5, minutes: 12, source: 'estimated' },
  ],
});
