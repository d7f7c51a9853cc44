import { contract, isMethod } from '../../../shared/api/contract';
import type { CallResult, HandlerTable } from '../../../shared/api/define';
import type { Contract, Method } from '../../../shared/api/contract';
import { isKaopingError } from '../../../shared/errors';

/** The whole handler table: exactly one handler per call of the contract. */
export type Handlers = HandlerTable<Contract>;

/** One call's handler, typed from the contract: its input is what the schema parsed, its result the declared output. */
export type Handler<K extends Method> = Handlers[K];

/**
 * A feature's share of the handler table. The keys must be calls of the contract
 * and each handler's input and output types come from it, so handlers restate no
 * types and a mismatch with the contract is a compile error.
 */
export function handlersFor<K extends Method>(table: { [P in K]: Handler<P> }): { [P in K]: Handler<P> } {
  return table;
}

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
