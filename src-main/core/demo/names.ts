import type { Rng } from './rng';

/**
 * Name lists for illustrative demo data. The hamlet names follow the patterns of the
 * Thái, Mường and Kinh villages of western Thanh Hóa (bản, làng, thôn); no list here
 * claims to describe a real village or person.
 */
export type Ethnicity = 'kinh' | 'thai' | 'muong';

/** Thái-style syllables for "Bản …". */
export const BAN_NAMES = [
  'Vịn', 'Lửa', 'Chiềng', 'Mọt', 'Cày', 'Khong', 'Cọc', 'Hón', 'Thông', 'Khằm', 'Đục', 'Quẻ', 'Xăm',
  'Muốn', 'Mỏ', 'Bìn', 'Nàng', 'Lùm Nưa', 'Pù Đứa', 'Na Nghịu', 'Tà Cóm', 'Poọng', 'Khò', 'Bù Đồn',
  'Chiềng Cà', 'Hua Mường', 'Na Lộc', 'Lót', 'Phống', 'Pùng', 'Pheo', 'Cáy', 'Ngàm', 'Chả', 'Tạt',
  'Nấm', 'Nặm', 'Xía', 'Kẻ', 'Phe', 'Nưa', 'Cạn', 'Bóng', 'Mòn', 'Luồng', 'Tằm', 'Na Hú', 'Ón',
  'Pà Cả', 'Mí', 'Căm', 'Hạ', 'Nà Tao', 'Piềng', 'Sại', 'Lạn', 'Pọng', 'Khàm', 'Tà Lư', 'Nhài',
] as const;

/** Mường-style names for "Làng …". */
export const LANG_NAMES = [
  'Dùng', 'Mìn', 'Cốc', 'Trác', 'Bồng', 'Vèn', 'Thắm', 'Khụ', 'Chiềng Mường', 'Giáng', 'Đồng Vàn',
  'Mốc', 'Cú', 'Rọc', 'Trụ', 'Nang', 'Bái', 'Chảy', 'Quạn', 'Mè', 'Vìn', 'Rầm', 'Tráng', 'Ngọc',
] as const;

/** Kinh-style names for "Thôn …" (villages named after a slogan or a place). */
export const THON_NAMES = [
  'Đồng Tâm', 'Tân Phong', 'Quyết Thắng', 'Thống Nhất', 'Đoàn Kết', 'Hợp Thành', 'Tân Lập', 'Xuân Thành',
  'Quang Trung', 'Minh Khai', 'Trung Thành', 'Liên Sơn', 'Cộng Hòa', 'Hồng Kỳ', 'Thắng Lộc', 'Phú Vinh',
  'Đồng Lớn', 'Tiến Thành', 'Hòa Bình', 'Tân Sơn', 'Thành Công', 'Yên Thịnh', 'Ngọc Thượng', 'Xuân Tiến',
] as const;

const SURNAMES: Record<Ethnicity, readonly string[]> = {
  kinh: ['Nguyễn', 'Lê', 'Trần', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô', 'Trịnh', 'Mai', 'Cao', 'Dương', 'Lại', 'Tống', 'Lương', 'Hà'],
  thai: ['Lò', 'Lương', 'Hà', 'Vi', 'Cầm', 'Lang', 'Ngân', 'Lữ', 'Lộc', 'Vi', 'Lò', 'Hà'],
  muong: ['Bùi', 'Quách', 'Đinh', 'Hà', 'Phạm', 'Trương', 'Cao', 'Bùi', 'Quách'],
};

const MALE_GIVEN: Record<Ethnicity, readonly string[]> = {
  kinh: ['Văn Hùng', 'Văn Dũng', 'Minh Tuấn', 'Đức Minh', 'Văn Hải', 'Hoài Nam', 'Văn Sơn', 'Quang Thắng', 'Thành Long',
    'Mạnh Cường', 'Trung Hiếu', 'Quốc Trung', 'Anh Quân', 'Tiến Đạt', 'Thanh Phong', 'Xuân Tùng', 'Quang Huy', 'Văn Lâm',
    'Hữu Nghĩa', 'Công Thành', 'Đình Khánh', 'Ngọc Tú', 'Văn Toàn', 'Hữu Phúc', 'Duy Khoa', 'Văn Bình'],
  thai: ['Văn Ban', 'Văn Khăm', 'Văn Pằn', 'Văn Xuân', 'Văn Thiêm', 'Văn Nọi', 'Văn Bình', 'Văn Tiến', 'Văn Chinh',
    'Văn Hặc', 'Văn Lả', 'Văn Tâm', 'Văn Ón', 'Văn Phòng', 'Văn Thuận', 'Văn Khánh', 'Văn Dừn', 'Văn Quyết'],
  muong: ['Văn Chiến', 'Văn Thoát', 'Văn Mừng', 'Văn Khiêm', 'Văn Tuyên', 'Văn Nghị', 'Văn Lực', 'Văn Thiệp',
    'Văn Đoàn', 'Văn Mạnh', 'Văn Thắm', 'Văn Cương', 'Văn Hạnh', 'Văn Sỹ'],
};

const FEMALE_GIVEN: Record<Ethnicity, readonly string[]> = {
  kinh: ['Thị Lan', 'Thu Hương', 'Thị Hoa', 'Ngọc Mai', 'Phương Thảo', 'Thu Trang', 'Thùy Linh', 'Thị Nga', 'Thúy Hằng',
    'Hải Yến', 'Thị Dung', 'Thanh Huyền', 'Thị Thủy', 'Minh Anh', 'Thị Hà'],
  thai: ['Thị Ón', 'Thị Xoan', 'Thị Xuân', 'Thị Mai', 'Thị Pọm', 'Thị Nhất', 'Thị Lả', 'Thị Thoan', 'Thị Dịu', 'Thị Khuyên'],
  muong: ['Thị Mến', 'Thị Thơm', 'Thị Lụa', 'Thị Nhung', 'Thị Tươi', 'Thị Hiền', 'Thị Mơ', 'Thị Xinh'],
};

export function personName(rng: Rng, ethnicity: Ethnicity, female: boolean): string {
  const given = female ? FEMALE_GIVEN[ethnicity] : MALE_GIVEN[ethnicity];
  return `${rng.pick(SURNAMES[ethnicity])} ${rng.pick(given)}`;
}

/** A name not yet in `used` (adds it); falls back to a middle name twist if lists run dry. */
export function uniquePersonName(rng: Rng, ethnicity: Ethnicity, female: boolean, used: Set<string>): string {
  for (let i = 0; i < 50; i++) {
    const candidate = personName(rng, ethnicity, female);
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
  for (let k = 2; ; k++) {
    const candidate = `${personName(rng, ethnicity, female)} (${k})`;
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
}

/** Vietnamese mobile numbers as written on rosters: 09xx xxx xxx. */
const MOBILE_PREFIXES = ['091', '094', '096', '097', '098', '088', '086', '083', '084', '085', '081', '082', '039', '038', '037', '036', '035', '034', '033', '032'];

export function uniquePhone(rng: Rng, used: Set<string>): string {
  for (;;) {
    const prefix = rng.pick(MOBILE_PREFIXES);
    const digits = String(rng.int(0, 9_999_999)).padStart(7, '0');
    const phone = `${prefix}${digits[0]} ${digits.slice(1, 4)} ${digits.slice(4)}`;
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

export const POLICE_RANKS = ['Thiếu úy', 'Trung úy', 'Thượng úy', 'Đại úy', 'Thiếu tá'] as const;
export const ROLE_LEADER = 'Tổ trưởng';
export const ROLE_MEMBER = 'Tổ viên';
export const ROLE_VOLUNTEER = 'Đoàn viên thanh niên';

/** "Xã Bát Mọt" -> "xã Bát Mọt": the unit kind is lower case inside a phrase. */
export function unitInPhrase(unitName: string): string {
  const m = /^(Thành phố|Thị xã|Thị trấn|Huyện|Phường|Xã|Tỉnh)\s+(.*)$/u.exec(unitName);
  return m ? `${m[1]!.toLowerCase()} ${m[2]}` : unitName;
}

/** "Xã Bát Mọt" -> "Bát Mọt". */
export function unitProperName(unitName: string): string {
  const m = /^(Thành phố|Thị xã|Thị trấn|Huyện|Phường|Xã|Tỉnh)\s+(.*)$/u.exec(unitName);
  return m ? m[2]! : unitName;
}
