/**
 * Reads a spreadsheet a unit or reviewer supplied: the file is checked (a
 * regular file, not over the size limit) and read with a bounded read, then
 * parsed in a worker thread with a heap and time limit. The caller's thread —
 * the `kaoping serve` event loop, the Electron main process — stays free, and
 * a file that exhausts the worker ends as a Chinese error naming the limit.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { KaopingError } from '../../../shared/errors';
import { workerScript } from '../workers/worker-script';
import type { Grid } from './grid-parse';
import type { GridJob } from './grid-worker';
import { IMPORT_LIMITS, overLimit } from './limits';
import { readBoundedFile } from './bounded-read';

export type { Grid } from './grid-parse';

type WorkerAnswer = { ok: true; grids: Grid[] } | { ok: false; code: string; message: string; details: string[] };

/** Workers kept between files (the spreadsheet library loads once per worker); unref'd, so they never keep the process up. */
const idle: Worker[] = [];
const MAX_IDLE = 2;

function spawn(): Worker {
  const worker = new Worker(workerScript('grid-worker'), {
    resourceLimits: { maxOldGenerationSizeMb: IMPORT_LIMITS.workerHeapMb, maxYoungGenerationSizeMb: 64 },
  });
  worker.unref();
  return worker;
}

/**
 * Parses in a worker thread bounded in heap and time. Files run in parallel,
 * each on its own worker, so one hostile file never holds up another import;
 * a worker that hit a limit is discarded, the others are reused.
 */
export function parseInWorker(job: GridJob): Promise<Grid[]> {
  const worker = idle.pop() ?? spawn();
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (reuse: boolean, fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (reuse && idle.length < MAX_IDLE) idle.push(worker);
      else void worker.terminate();
      fn();
    };
    const onMessage = (answer: WorkerAnswer) =>
      settle(true, () => (answer.ok ? resolve(answer.grids) : reject(new KaopingError(answer.code, answer.message, answer.details))));
    const onError = (error: NodeJS.ErrnoException) =>
      settle(false, () =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? overLimit.memory(job.name)
            : new KaopingError('bad-file', `无法解析文件 ${job.name}：${error.message.slice(0, 200)}`),
        ),
      );
    const onExit = () => settle(false, () => reject(overLimit.memory(job.name)));
    const timer = setTimeout(() => settle(false, () => reject(overLimit.time(job.name))), IMPORT_LIMITS.workerMs);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.ref();
    worker.postMessage(job);
  }).finally(() => worker.unref()) as Promise<Grid[]>;
}

/** The spreadsheet kind by extension, or a Chinese refusal. */
function kindOf(name: string): 'xlsx' | 'csv' {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new KaopingError('bad-format', `不支持的文件类型：${name}（请使用 .xlsx 或 .csv）`);
}

/** Reads an .xlsx or .csv file into grids; every error names the file. */
export async function readGrids(file: string): Promise<Grid[]> {
  const name = path.basename(file);
  const kind = kindOf(name);
  const bytes = readBoundedFile(file);
  return parseInWorker({ name, kind, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
}
