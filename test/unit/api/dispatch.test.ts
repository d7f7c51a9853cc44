import { describe, expect, it, vi } from 'vitest';
import { dispatch, type Handlers } from '../../../electron/services/api/dispatch';
import { KaopingError } from '../../../shared/errors';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  return overrides as Handlers;
}

describe('dispatch: the one door into the handler table', () => {
  it('refuses a method the contract does not name', async () => {
    const result = await dispatch(handlersWith({}), 'fs/readFile', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('refuses prototype names that are not calls', async () => {
    const result = await dispatch(handlersWith({}), 'constructor', {});
    expect(result.ok).toBe(false);
  });

  it('rejects input that fails the schema before the handler runs', async () => {
    const create = vi.fn();
    const result = await dispatch(handlersWith({ 'assessments/create': create }), 'assessments/create', {
      name: '',
      year: 1800,
      rulesetId: 'x',
    });
    expect(create).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.details.join()).toMatch(/name|year/);
  });

  it('rejects unknown extra fields (strict objects)', async () => {
    const list = vi.fn();
    const result = await dispatch(handlersWith({ 'assessments/list': list }), 'assessments/list', { path: '/etc' });
    expect(result.ok).toBe(false);
    expect(list).not.toHaveBeenCalled();
  });

  it('passes reviewer errors through with their Chinese message', async () => {
    const result = await dispatch(
      handlersWith({ 'assessments/list': async () => Promise.reject(new KaopingError('x', '考评不存在', ['a'])) }),
      'assessments/list',
      {},
    );
    expect(result).toEqual({ ok: false, error: { code: 'x', message: '考评不存在', details: ['a'] } });
  });

  it('hides internal errors from the caller and reports them to the log', async () => {
    const log = vi.fn();
    const result = await dispatch(
      handlersWith({ 'assessments/list': async () => Promise.reject(new Error('SQLITE_CORRUPT at /secret/path')) }),
      'assessments/list',
      {},
      log,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
    expect(log).toHaveBeenCalledOnce();
  });

  it('returns the handler value on success', async () => {
    const result = await dispatch(handlersWith({ 'assessments/list': async () => [] }), 'assessments/list', {});
    expect(result).toEqual({ ok: true, value: [] });
  });
});
