import { parseArgs } from 'node:util';
import { isKaopingError } from '../../shared/errors';
import type { CliCommand, CliIo } from './command';
import { commands } from './commands';

function usageText(list: readonly CliCommand[]): string {
  const lines = ['用法：kaoping <命令> [参数]', '', '命令：'];
  for (const command of list) lines.push(`  ${command.usage.padEnd(64)} ${command.summary}`);
  return lines.join('\n') + '\n';
}

function findCommand(argv: readonly string[]): { command: CliCommand; rest: string[] } | undefined {
  const byLength = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of byLength) {
    const words = command.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) return { command, rest: argv.slice(words.length) };
  }
  return undefined;
}

/**
 * Runs one CLI invocation and returns its exit code. Reviewer errors print their
 * Chinese message and exit 1; usage errors exit 2; anything else is a bug and
 * is re-thrown so its stack is not hidden.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    io.stdout(usageText(commands));
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.stderr(`未知命令：${argv.join(' ')}\n\n${usageText(commands)}`);
    return 2;
  }
  const { command, rest } = found;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`参数有误：${(error as Error).message}\n用法：kaoping ${command.usage}\n`);
    return 2;
  }
  try {
    const code = await command.run({ args: parsed.positionals, options: parsed.values, io });
    return code ?? 0;
  } catch (error) {
    if (isKaopingError(error)) {
      io.stderr(`错误：${error.message}\n`);
      for (const detail of error.details) io.stderr(`  - ${detail}\n`);
      return 1;
    }
    throw error;
  }
}
