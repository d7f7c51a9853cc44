import path from 'node:path';
import type { AssessmentStore } from '../services/store/types';
import type { CliContext } from './command';
import { KaopingError } from '../../shared/errors';

/** Opens the assessment folder named by the first positional argument (a Chinese error when it is missing). */
export function withStore<T>(ctx: CliContext, work: (store: AssessmentStore) => T | Promise<T>): Promise<T> {
  const dir = ctx.args[0];
  if (!dir) throw new KaopingError('usage', '请指定考评文件夹');
  // Loaded here, not at start-up: better-sqlite3 is needed only by commands that open a store.
  return import('../services/store/open').then(async ({ openAssessment }) => {
    const store = openAssessment(path.resolve(ctx.io.cwd, dir));
    try {
      return await work(store);
    } finally {
      store.close();
    }
  });
}
