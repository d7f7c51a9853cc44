import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBridge } from '../../../electron/services/server/http-bridge';
import { realEvidenceFileRoute } from '../../../electron/services/workspace/real-file-route';
import { realPathInside } from '../../../electron/services/workspace/real-path';

const root = mkdtempSync(path.join(os.tmpdir(), 'kaoping-real-route-'));
const workspace = path.join(root, 'ws');
mkdirSync(path.join(workspace, 'A', 'evidence'), { recursive: true });
writeFileSync(path.join(workspace, 'A', 'evidence', 'shot.png'), 'picture');
writeFileSync(path.join(root, 'secret.txt'), 'secret');
symlinkSync(path.join(root, 'secret.txt'), path.join(workspace, 'A', 'evidence', 'link.png'));
// Another assessment's evidence, reached through a link in A, and an exports folder that is itself a link out.
mkdirSync(path.join(workspace, 'B', 'evidence'), { recursive: true });
writeFileSync(path.join(workspace, 'B', 'evidence', 'other.png'), 'other');
symlinkSync(path.join(workspace, 'B', 'evidence', 'other.png'), path.join(workspace, 'A', 'evidence', 'cross.png'));
mkdirSync(path.join(root, 'outside'));
writeFileSync(path.join(root, 'outside', 'x.png'), 'x');
symlinkSync(path.join(root, 'outside'), path.join(workspace, 'A', 'exports'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('evidence files in browser mode, links resolved', () => {
  it('serves a real file and refuses a link that leaves the assessment', async () => {
    const route = realEvidenceFileRoute(workspace);
    expect(route('A/evidence/shot.png')).toMatch(/shot\.png$/u);
    expect(route('A/evidence/link.png')).toBeUndefined();
    expect(route('A/evidence/cross.png')).toBeUndefined();
    expect(route('A/exports/x.png')).toBeUndefined();
    expect(route('B/evidence/other.png')).toMatch(/other\.png$/u);
    // The same check as the evidence pack's and verify's: strictly inside the real root.
    expect(realPathInside(path.join(workspace, 'A'), path.join(workspace, 'A', 'evidence', 'shot.png'))).toMatch(/shot\.png$/u);
    expect(realPathInside(path.join(workspace, 'A'), path.join(workspace, 'A', 'evidence', 'link.png'))).toBeUndefined();
    expect(realPathInside(path.join(workspace, 'A'), path.join(workspace, 'A'))).toBeUndefined();
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
