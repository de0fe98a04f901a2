import { formatCell, type FieldSpec, type Lang, type OutCell, type RegisterRecord } from './fields';
import type { AnyListSpec } from './spec';

/** A sheet to write: the io layer turns it into xlsx or csv bytes. */
export interface OutSheet {
  name: string;
  headers: string[];
  rows: OutCell[][];
  /** Column widths in characters (xlsx only). */
  widths?: number[];
}

export const recordRow = (spec: AnyListSpec, record: RegisterRecord, lang: Lang): OutCell[] =>
  spec.fields.map((f) => formatCell(f, record[f.key], lang));

/** A list as a sheet, every column in the list's order, headers in the file's language. */
export function listSheet(spec: AnyListSpec, records: RegisterRecord[], lang: Lang): OutSheet {
  return { name: spec.sheet[lang], headers: spec.fields.map((f) => f.header[lang]), rows: records.map((r) => recordRow(spec, r, lang)) };
}

const kindNote: Record<FieldSpec['kind'], string> = {
  text: 'Chữ', ref: 'Chữ (tham chiếu)', int: 'Số nguyên', decimal: 'Số (dấu phẩy hoặc dấu chấm thập phân đều được)',
  bool: 'Có / Không', date: 'Ngày dd/MM/yyyy', time: 'Giờ HH:mm', choice: 'Một giá trị trong danh sách',
  choices: 'Một hoặc nhiều giá trị, cách nhau bởi ;', dates: 'Các ngày dd/MM/yyyy, cách nhau bởi ;', ints: 'Các số, cách nhau bởi ;',
};

/** The notes sheet of a template, in Vietnamese: what each column means and which values it takes. */
export function notesSheet(spec: AnyListSpec): OutSheet {
  const required = new Set(spec.requiredColumns.flat());
  const rows: OutCell[][] = spec.fields.map((f) => [
    f.header.vi,
    f.header.en,
    required.has(f.key) ? 'Bắt buộc (để nhận ra dòng)' : f.fallback === undefined ? 'Bắt buộc với dòng mới' : 'Không bắt buộc',
    kindNote[f.kind],
    f.vocabulary ? Object.values(f.vocabulary).map((c) => c.vi).join('; ') : '',
    f.note,
  ]);
  rows.push([], ['Cách nhập', '', '', '', '', 'Điền dữ liệu vào trang "' + spec.sheet.vi + '" (mỗi dòng một mục, giữ nguyên dòng tiêu đề). ' +
    'Dòng có mã (hoặc tên) đã có sẽ cập nhật mục đó; dòng mới sẽ được thêm. Trước khi ghi, ứng dụng cho xem trước các dòng thêm, sửa và các dòng lỗi; ' +
    'nếu còn dòng lỗi thì không ghi gì cả. Tiêu đề cột tiếng Việt hoặc tiếng Anh đều được. Tệp CSV cần mã hóa UTF-8.']);
  return { name: 'Ghi chú', headers: ['Cột', 'Cột (tiếng Anh)', 'Bắt buộc', 'Kiểu dữ liệu', 'Giá trị hợp lệ', 'Giải thích'], rows, widths: [26, 22, 24, 30, 40, 90] };
}

export const examplesSheet = (spec: AnyListSpec): OutSheet => ({ ...listSheet(spec, spec.examples, 'vi'), name: 'Ví dụ' });

export const fileStem = (spec: AnyListSpec, lang: Lang): string =>
  spec.sheet[lang].normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
