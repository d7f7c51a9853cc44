import path from 'node:path';
import { openAssessment } from '../services/store/open';
import type { AssessmentStore } from '../services/store/types';
import type { CliContext } from './command';

/** Opens the assessment folder named by the first positional argument. */
export function withStore<T>(ctx: CliContext, work: (store: AssessmentStore) => T | Promise<T>): Promise<T> {
  const dir = ctx.args[0];
  if (!dir) throw new Error('withStore needs the folder argument checked by the command');
  const store = openAssessment(path.resolve(ctx.io.cwd, dir));
  return Promise.resolve()
    .then(() => work(store))
    .finally(() => store.close());
}
