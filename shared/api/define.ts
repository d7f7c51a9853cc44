import type { z } from 'zod';

/**
 * One call of the API contract: a zod schema for what the renderer sends, and the
 * type it gets back. The output is a phantom type: handlers are type-checked
 * against it, and the host is trusted to produce it.
 */
export interface CallSpec<I extends z.ZodType, O> {
  input: I;
  /** Never read at run time; carries the output type. */
  output?: O;
}

/** Declares a call: `call(z.object({...})).returns<Result>()`. */
export function call<I extends z.ZodType>(input: I): { returns: <O>() => CallSpec<I, O> } {
  return { returns: <O>() => ({ input }) as CallSpec<I, O> };
}

export type AnyCalls = Record<string, CallSpec<z.ZodType, unknown>>;
export type InputOf<C> = C extends CallSpec<infer I, unknown> ? z.infer<I> : never;
export type OutputOf<C> = C extends CallSpec<z.ZodType, infer O> ? O : never;

/** The Node-side implementation of every call. */
export type HandlerTable<Calls extends AnyCalls> = {
  [K in keyof Calls]: (input: InputOf<Calls[K]>) => Promise<OutputOf<Calls[K]>>;
};

type Namespace<K> = K extends `${infer N}/${string}` ? N : never;
type Verb<K, N extends string> = K extends `${N}/${infer V}` ? V : never;

/**
 * What the renderer sees: named verbs grouped by feature
 * (`api.assessments.create({...})`), derived from the contract — never a generic
 * "call by name".
 */
export type ClientApi<Calls extends AnyCalls> = {
  [N in Namespace<keyof Calls & string>]: {
    [V in Verb<keyof Calls & string, N>]: (input: InputOf<Calls[`${N}/${V}`]>) => Promise<OutputOf<Calls[`${N}/${V}`]>>;
  };
};

/** Builds the grouped client object from a function that carries one call. */
export function buildClient<Calls extends AnyCalls>(
  calls: Calls,
  invoke: (method: string, input: unknown) => Promise<unknown>,
): ClientApi<Calls> {
  const client: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const method of Object.keys(calls)) {
    const [ns, verb] = method.split('/') as [string, string];
    (client[ns] ??= {})[verb] = (input: unknown) => invoke(method, input);
  }
  return client as unknown as ClientApi<Calls>;
}

/** The envelope both transports carry back. Errors keep the reviewer-facing message. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details: string[] } };
