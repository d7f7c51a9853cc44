import { contract, isMethod } from '../../../shared/api/contract';
import type { CallResult, HandlerTable } from '../../../shared/api/define';
import type { Contract } from '../../../shared/api/contract';
import { isKaopingError } from '../../../shared/errors';

export type Handlers = HandlerTable<Contract>;

/**
 * The one door into the handler table, used by both transports: unknown methods
 * and inputs that fail the contract's schema are refused before any handler runs.
 * Reviewer errors come back with their Chinese message; other errors are logged by
 * the caller and reported without internals.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  input: unknown,
  onInternalError: (error: unknown) => void = () => {},
): Promise<CallResult> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown-method', message: `未知调用：${method}`, details: [] } };
  }
  const parsed = contract[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(参数)'}：${issue.message}`);
    return { ok: false, error: { code: 'invalid-input', message: '请求参数不符合要求', details } };
  }
  try {
    const handler = handlers[method] as (value: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (isKaopingError(error)) {
      return { ok: false, error: { code: error.code, message: error.message, details: [...error.details] } };
    }
    onInternalError(error);
    return { ok: false, error: { code: 'internal', message: '内部错误，请查看日志', details: [] } };
  }
}
