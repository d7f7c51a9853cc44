import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAssessment, verifyAssessment } from '../../electron/services/store/open';
import { freshAssessment } from '../helpers/assessment';

const viteNode = path.resolve(__dirname, '../../node_modules/vite-node/vite-node.mjs');
const child = path.resolve(__dirname, '../fixtures/store/write-then-hang.ts');

describe('crash safety', () => {
  it('a process killed in the middle of a write leaves the assessment as it was before that write', async () => {
    const { dir, store } = freshAssessment();
    store.addTarget({
      kind: 'website',
      unit: '南岭县',
      name: '南岭县门户',
      url: 'http://www.nanling.gov.cn/',
      classId: 'county',
      attributes: {},
      identifier: null,
      platform: null,
    });
    store.close();

    const proc = spawn(process.execPath, [viteNode, child, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      proc.stdout.on('data', (d: Buffer) => d.toString().includes('IN_TRANSACTION') && resolve());
      proc.on('exit', (code) => reject(new Error(`child exited early: ${code}`)));
    });
    proc.kill('SIGKILL');
    await new Promise((resolve) => proc.once('exit', resolve));

    const again = openAssessment(dir);
    expect(again.listTargets().map((t) => t.name)).toEqual(['南岭县门户']);
    again.close();
    expect(verifyAssessment(dir).ok).toBe(true);
  });
});
