import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../src-main/api/context';
import { dispatch, type Handlers } from '../../src-main/api/dispatch';

// A handler that drifted from the contract: app.info must answer a language of vi/en.
const drifted = { 'app.info': () => ({ version: '1', mode: 'web', dbPath: 'x', language: 'fr' }) } as unknown as Handlers;
const ctx = (checkResults: boolean) => ({ checkResults }) as unknown as HandlerContext;

describe('dispatch', () => {
  it('with result checks on (tests, E2E), a result that breaks the contract is an INTERNAL error naming the field', async () => {
    const env = await dispatch(drifted, 'app.info', {}, ctx(true));
    expect(env).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!env.ok && env.error.message).toContain('language');
  });

  it('params are always checked, whatever the result setting', async () => {
    const env = await dispatch(drifted, 'app.info', { extra: 1 }, ctx(false));
    expect(env).toMatchObject({ ok: false, error: { code: 'BAD_PARAMS' } });
  });
});
