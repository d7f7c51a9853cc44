import type { ParseArgsConfig } from 'node:util';
import { KaopingError } from '../../shared/errors';

/** Where a command writes; tests pass buffers, the real CLI passes the process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

export interface CliContext {
  /** Positional arguments after the command words. */
  args: string[];
  /** Parsed options (strings, booleans, or arrays where `multiple` is set). */
  options: Record<string, string | boolean | (string | boolean)[] | undefined>;
  io: CliIo;
}

/**
 * One CLI command. `name` may have two words ("targets import"); the dispatcher
 * matches the longest name first. `run` returns the exit code (0 when omitted).
 */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  options?: CliOptions;
  run: (ctx: CliContext) => Promise<number | void>;
}

/** Reads a string option, or undefined. */
export function optString(ctx: CliContext, key: string): string | undefined {
  const value = ctx.options[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Reads a positive number option (whole numbers only unless `fractions`), or the
 * default when it is absent; anything else is a Chinese error naming the option.
 */
export function optPositive(
  ctx: CliContext,
  key: string,
  fallback: number,
  { fractions = false, what = `--${key} ` }: { fractions?: boolean; what?: string } = {},
): number {
  const raw = optString(ctx, key);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  const ok = raw.trim() !== '' && Number.isFinite(n) && n > 0 && (fractions || Number.isInteger(n));
  if (!ok) throw new KaopingError('bad-number', `${what}必须是正${fractions ? '数（可带小数）' : '整数'}，收到“${raw}”`);
  return n;
}

/** Reads a boolean flag. */
export function optFlag(ctx: CliContext, key: string): boolean {
  return ctx.options[key] === true;
}

/** Reads a repeatable string option (declared with `multiple: true`). */
export function optList(ctx: CliContext, key: string): string[] {
  const value = ctx.options[key];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}
