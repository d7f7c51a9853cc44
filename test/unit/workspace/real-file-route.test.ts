import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBridge } from '../../../electron/services/server/http-bridge';
import { realEvidenceFileRoute } from '../../../electron/services/workspace/real-file-route';

const root = mkdtempSync(path.join(os.tmpdir(), 'kaoping-real-route-'));
const workspace = path.join(root, 'ws');
mkdirSync(path.join(workspace, 'A', 'evidence'), { recursive: true });
writeFileSync(path.join(workspace, 'A', 'evidence', 'shot.png'), 'picture');
writeFileSync(path.join(root, 'secret.txt'), 'secret');
symlinkSync(path.join(root, 'secret.txt'), path.join(workspace, 'A', 'evidence', 'link.png'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('evidence files in browser mode, links resolved', () => {
  it('serves a real file and refuses a link that leaves the assessment', async () => {
    const route = realEvidenceFileRoute(workspace);
    expect(route('A/evidence/shot.png')).toMatch(/shot\.png$/u);
    expect(route('A/evidence/link.png')).toBeUndefined();
    const bridge = await startBridge({ handlers: {} as never, rendererDir: root, fileRoute: route, token: 't' });
    try {
      const get = async (p: string) => (await fetch(`http://127.0.0.1:${bridge.port}/files/${p}?token=t`)).status;
      expect(await get('A/evidence/shot.png')).toBe(200);
      expect(await get('A/evidence/link.png')).toBe(404);
    } finally {
      await bridge.close();
    }
  });
});
