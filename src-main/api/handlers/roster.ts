import { buildRosterBundle, listRosterOptions, RosterScopeError, type RosterBundle } from '../../core/roster';
import { getRosterSettings, loadRosterSource, saveRosterSettings, UnknownCommuneError } from '../../db/roster-data';
import { renderRoster } from '../../render/roster';
import type { HandlerContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError } from '../errors';
import type { RosterQuery } from '../methods/roster';

function sourceOf(ctx: HandlerContext, planId: number) {
  const source = loadRosterSource(ctx.db, planId);
  if (!source) throw new AppError('NOT_FOUND', `No plan ${planId}`);
  return source;
}

function bundleOf(ctx: HandlerContext, q: RosterQuery): RosterBundle {
  try {
    return buildRosterBundle(sourceOf(ctx, q.planId), { week: q.week, scope: q.scope, issuedOn: q.issuedOn });
  } catch (err) {
    if (err instanceof RosterScopeError) throw new AppError('NOT_FOUND', err.message);
    throw err;
  }
}

export const rosterHandlers: Pick<
  Handlers,
  'roster.options' | 'roster.preview' | 'roster.export' | 'roster.settings.get' | 'roster.settings.set'
> = {
  'roster.options': ({ planId }, ctx) => listRosterOptions(sourceOf(ctx, planId)),
  'roster.preview': (q, ctx) => bundleOf(ctx, q),
  'roster.export': async ({ format, orientation, ...q }, ctx) => {
    const file = await renderRoster(bundleOf(ctx, q), format, orientation);
    return { fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') };
  },
  'roster.settings.get': (_p, ctx) => getRosterSettings(ctx.db),
  'roster.settings.set': (update, ctx) => {
    try {
      return saveRosterSettings(ctx.db, update);
    } catch (err) {
      if (err instanceof UnknownCommuneError) throw new AppError('NOT_FOUND', err.message);
      throw err;
    }
  },
};
