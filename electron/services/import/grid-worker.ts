/**
 * The parsing worker's entry (bundled to dist/workers/grid-worker.cjs): takes
 * one spreadsheet at a time and answers with its grids or a reviewer error.
 * It runs with a heap limit set by its parent, so a hostile file exhausts
 * this thread and not the app; it stays alive between files, since loading
 * the spreadsheet library costs more than most files.
 */
import { parentPort } from 'node:worker_threads';
import { isKaopingError } from '../../../shared/errors';
import { parseGrids } from './grid-parse';

export interface GridJob {
  name: string;
  kind: 'xlsx' | 'csv';
  bytes: Uint8Array;
}

parentPort!.on('message', (job: GridJob) => {
  parseGrids(job.name, job.kind, job.bytes).then(
    (grids) => parentPort!.postMessage({ ok: true, grids }),
    (error: unknown) =>
      parentPort!.postMessage(
        isKaopingError(error)
          ? { ok: false, code: error.code, message: error.message, details: [...error.details] }
          : {
              ok: false,
              code: 'bad-file',
              message: `无法解析文件 ${job.name}：${error instanceof Error ? error.message.slice(0, 200) : String(error)}`,
              details: [],
            },
      ),
  );
});
