import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { processTempDir } from '../../workers/process-temp';
import { openInWorkspace } from '../../workspace/workspace';
import type { AssessmentStore } from '../../store/types';
import { ScoreCache } from '../../scoring/score-cache';
import type { OpenAssessment } from '../open-assessments';
import type { HandlerDeps } from '../handlers';

export interface Upload {
  id: string;
  fileName: string;
  contentBase64: string;
}

/**
 * Runs `work` on one assessment of the workspace. A host (createHandlers)
 * keeps assessments open with their score cache; handler tables made without
 * one open and close the store around each call.
 */
export function storeRunner(deps: HandlerDeps) {
  const opts = { nativeBinding: deps.nativeBinding, now: deps.now };
  return async <T>(id: string, work: (store: AssessmentStore, open: OpenAssessment) => T | Promise<T>): Promise<T> => {
    if (deps.assessments) {
      const open = deps.assessments.get(id);
      return await work(open.store, open);
    }
    const store = openInWorkspace(deps.workspaceDir, id, opts);
    try {
      return await work(store, { store, scores: new ScoreCache(store) });
    } finally {
      store.close();
    }
  };
}

/**
 * Runs `work` with the uploaded spreadsheet on disk under its own name (the
 * name shows in errors). The file lives in this process's temporary folder:
 * removed afterwards on every path, and by the next start if the process is killed.
 */
export async function withUpload<T>(upload: Upload, work: (file: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(processTempDir(), 'upload-'));
  // Bounded: a 200-character Chinese name is 600 bytes, over most file systems' 255.
  const base = path.basename(upload.fileName);
  const ext = path.extname(base);
  const file = path.join(dir, `${base.slice(0, base.length - ext.length).slice(0, 80)}${ext}`);
  try {
    writeFileSync(file, Buffer.from(upload.contentBase64, 'base64'));
    return await work(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
