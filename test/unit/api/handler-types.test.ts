import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { handlersFor } from '../../../electron/services/api/dispatch';
import { createHandlers } from '../../../electron/services/api/handlers';
import { contract } from '../../../shared/api/contract';

describe('handler types come from the contract', () => {
  it('gives each handler its input type and checks its output against the contract', () => {
    const table = handlersFor({
      'monitor/status': async (input) => {
        // The input is typed from the schema: `id` is a string.
        // @ts-expect-error string is not assignable to number
        const id: number = input.id;
        return { running: id > 0, startedAt: null, nextAt: null, targets: [] };
      },
      // @ts-expect-error the contract declares { deleted: number }, not a string
      'findings/delete': async (input) => ({ deleted: String(input.findingId) }),
      'app/info': async () => ({ version: '1', workspaceDir: '/w', mode: 'browser' }),
    });
    expect(Object.keys(table)).toEqual(['monitor/status', 'findings/delete', 'app/info']);
    // A call the contract does not name is refused at compile time.
    // @ts-expect-error 'files/read' is not a call of the contract
    handlersFor({ 'files/read': async () => null });
  });

  it('has exactly one handler per call of the contract, no more', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kaoping-handlers-'));
    try {
      const handlers = createHandlers({ workspaceDir: dir, mode: 'browser', version: 'test' });
      expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
