import type { ParseArgsConfig } from 'node:util';

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
