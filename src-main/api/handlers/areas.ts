import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { format } from 'date-fns';
import { latestVersion, openDatabase, type Db } from '../../db';
import { areaTemplateSheets, createAreaDatabase } from '../../db/area';
import { getSetting, setSetting } from '../../db/repos/settings';
import { unitCommune, unitCommunes, unitProvinces } from '../../db/units';
import { sheetsToXlsx, XLSX_MIME } from '../../io/write';
import { readSpreadsheetOffThread } from '../../workers/read-thread';
import { areaDbPath, areaIds, newAreaId, rememberArea } from '../areas-store';
import type { HandlerContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError } from '../errors';
import type { AreaInfo } from '../methods/areas';

function dataDirOf(ctx: HandlerContext): string {
  if (!ctx.dataDir) throw new AppError('CONFLICT', 'Areas are kept in the app\'s data folder; this session works on one database file.', { key: 'noAreas' });
  return ctx.dataDir;
}

function refuseWhilePlanning(ctx: HandlerContext): void {
  if ([...ctx.runs.values()].some((r) => r.state === 'running')) {
    throw new AppError('CONFLICT', 'A planning run is in progress: wait for it to finish or cancel it first.', { key: 'planRunning' });
  }
}

/** What the list shows of an area, read from its database (the open one, or read-only from its file). */
function describe(db: Pick<Db, 'prepare'>, id: string, current: boolean): AreaInfo {
  const one = <T>(sql: string): T | undefined => db.prepare(sql).get() as T | undefined;
  const dataset = one<{ value: string }>("SELECT value FROM settings WHERE key = 'dataset'");
  const label = dataset ? (JSON.parse(dataset.value) as { label?: string; demo?: boolean }) : {};
  const campaign = one<{ startDate: string; deadline: string }>('SELECT start_date AS startDate, deadline FROM campaigns WHERE is_current = 1');
  return {
    id, current, label: label.label || (id === 'default' ? 'Dữ liệu mẫu' : id), demo: label.demo === true,
    communes: one<{ n: number }>('SELECT COUNT(*) AS n FROM communes')?.n ?? 0,
    hamlets: one<{ n: number }>('SELECT COUNT(*) AS n FROM hamlets')?.n ?? 0,
    campaign: campaign ?? null, problem: null,
  };
}

function describeFile(dataDir: string, id: string): AreaInfo {
  try {
    const db = new Database(areaDbPath(dataDir, id), { readonly: true, fileMustExist: true });
    try {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > latestVersion()) return { ...blank(id), problem: 'made by a newer version of Lưu Động' };
      return describe(db, id, false);
    } finally {
      db.close();
    }
  } catch (err) {
    return { ...blank(id), problem: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
  }
}

const blank = (id: string): AreaInfo => ({ id, label: id, demo: false, current: false, communes: 0, hamlets: 0, campaign: null, problem: null });

const currentId = (ctx: HandlerContext, dataDir: string): string => areaIds(dataDir).find((id) => areaDbPath(dataDir, id) === ctx.dbPath) ?? 'default';

/** Opens another area in place of the open one; the open one stays as it was if the other cannot be opened. */
function switchTo(ctx: HandlerContext, dataDir: string, id: string): AreaInfo {
  refuseWhilePlanning(ctx);
  const path = areaDbPath(dataDir, id);
  let next: Db;
  try {
    next = openDatabase(path);
  } catch (err) {
    throw new AppError('CONFLICT', `The area ${id} cannot be opened: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, { key: 'areaUnusable', params: { id } });
  }
  if (ctx.db.open) ctx.db.close();
  ctx.db = next;
  ctx.dbPath = path;
  ctx.dbProblem = null;
  ctx.runs.clear();
  rememberArea(dataDir, id);
  return describe(ctx.db, id, true);
}

export const areaHandlers: Pick<Handlers, 'areas.list' | 'areas.open' | 'areas.create' | 'areas.copy' | 'areas.template' | 'units.provinces' | 'units.communes'> = {
  'areas.list': (_p, ctx) => {
    const dataDir = dataDirOf(ctx);
    const current = currentId(ctx, dataDir);
    return areaIds(dataDir).map((id) => (id === current && !ctx.dbProblem ? describe(ctx.db, id, true) : { ...describeFile(dataDir, id), current: id === current }));
  },
  'areas.open': ({ id }, ctx) => {
    const dataDir = dataDirOf(ctx);
    if (!areaIds(dataDir).includes(id)) throw new AppError('NOT_FOUND', `There is no area ${id}.`, { key: 'noSuchArea', params: { id } });
    return switchTo(ctx, dataDir, id);
  },
  'areas.create': async ({ name, parent, startDate, deadline, fileName, base64 }, ctx) => {
    const dataDir = dataDirOf(ctx);
    refuseWhilePlanning(ctx);
    const read = await readSpreadsheetOffThread(Buffer.from(base64, 'base64'));
    if (!read.ok) return { created: null, fileProblem: read.problem, sheets: [] };
    const id = newAreaId(dataDir, name);
    const path = areaDbPath(dataDir, id);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const report = createAreaDatabase(path, { name, parent, startDate, deadline }, read.sheets, fileName, format(new Date(), 'yyyy-MM-dd'));
    if (!report.ok) {
      rmSync(dirname(path), { recursive: true, force: true });
      return { created: null, fileProblem: null, sheets: report.sheets };
    }
    return { created: switchTo(ctx, dataDir, id), fileProblem: null, sheets: report.sheets };
  },
  'areas.copy': ({ id, name }, ctx) => {
    const dataDir = dataDirOf(ctx);
    if (!areaIds(dataDir).includes(id)) throw new AppError('NOT_FOUND', `There is no area ${id}.`, { key: 'noSuchArea', params: { id } });
    refuseWhilePlanning(ctx);
    const copyId = newAreaId(dataDir, name);
    const target = areaDbPath(dataDir, copyId);
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    const source = currentId(ctx, dataDir) === id ? ctx.db : new Database(areaDbPath(dataDir, id), { readonly: true, fileMustExist: true });
    try {
      // A consistent copy in one statement, WAL included; the source is not changed.
      source.prepare('VACUUM INTO ?').run(target);
    } finally {
      if (source !== ctx.db) source.close();
    }
    switchTo(ctx, dataDir, copyId);
    // The copy keeps what it is (illustrative data stays marked so), under its own name.
    setSetting(ctx.db, 'dataset', { ...(getSetting<object>(ctx.db, 'dataset') ?? {}), label: name });
    return describe(ctx.db, copyId, true);
  },
  'areas.template': async ({ communeCodes }) => {
    const communes = (communeCodes ?? []).map((code) => {
      const unit = unitCommune(code);
      if (!unit) throw new AppError('BAD_PARAMS', `There is no commune with the official code ${code}.`, { key: 'noSuchUnit', params: { code } });
      return unit;
    });
    return { fileName: 'so-du-lieu-khu-vuc.xlsx', mimeType: XLSX_MIME, base64: (await sheetsToXlsx(areaTemplateSheets(communes))).toString('base64') };
  },
  'units.provinces': () => unitProvinces().map((p) => ({ code: p.code, name: /^Thành phố/.test(p.name) ? p.name : `Tỉnh ${p.name}` })),
  'units.communes': ({ provinceCode }) => unitCommunes(provinceCode).map(({ code, name, formerly }) => ({ code, name, formerly })),
};
