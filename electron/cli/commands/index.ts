import type { CliCommand } from '../command';
import { serveCommand } from './serve';
import { exportCommand } from './export';

/** Every CLI command, one module each. Add a command by importing it here. */
export const commands: readonly CliCommand[] = [serveCommand, exportCommand];
