import { format } from 'date-fns';
import { buildBrief } from '../../core/scenario/brief';
import { getPlan, listPlans, publishedPlanId } from '../../db';
import { getRosterSettings } from '../../db/roster-data';
import { getScenario } from '../../db/repos/scenarios';
import { briefToPdf } from '../../render/brief-pdf';
import type { Handlers } from '../dispatch';
import { AppError } from '../errors';
import { lastMinExtra, scenarioOwnPlan } from './scenarios';

const PDF_MIME = 'application/pdf';

/**
 * The manager's brief of a planned scenario: its question and answer, the base plan beside it
 * (the published one, else the newest base draft), the "what would it take" answer of this
 * session if one was asked, on one A4 page headed like the district's documents.
 */
export const scenarioBriefHandlers: Pick<Handlers, 'scenarios.brief'> = {
  'scenarios.brief': async ({ id }, ctx) => {
    const scenario = getScenario(ctx.db, id);
    if (!scenario) throw new AppError('NOT_FOUND', `There is no scenario ${id}.`, { key: 'noSuchScenario' });
    const plans = listPlans(ctx.db);
    const own = scenarioOwnPlan(plans, id);
    if (!own) throw new AppError('CONFLICT', 'Plan the scenario first: the brief reports its plan.', { key: 'scenarioNotPlanned' });
    const baseId = publishedPlanId(ctx.db) ?? plans.find((p) => p.scenarioId === null)?.id ?? null;
    const base = baseId === null ? null : getPlan(ctx.db, baseId);
    const general = getRosterSettings(ctx.db).general;
    const extra = lastMinExtra(id);
    const brief = buildBrief({
      superiorUnit: general.provinceUnit, issuingUnit: general.districtUnit, place: general.districtPlace, issuedOn: format(new Date(), 'yyyy-MM-dd'),
      scenario: { name: scenario.name, note: scenario.note, changes: scenario.changes, report: getPlan(ctx.db, own.id)!.report },
      base: base ? { name: base.summary.name, report: base.report } : null,
      minExtra: extra ? { what: extra.what, ...extra.answer } : null,
    });
    const stem = scenario.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return { fileName: `bao-cao-nhanh-${stem || id}.pdf`, mimeType: PDF_MIME, base64: (await briefToPdf(brief)).toString('base64') };
  },
};
