import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveWorkspaceFiles } from '../../electron/main/file-protocol';
import { protocol } from './mock-electron';

vi.mock('electron', () => import('./mock-electron'));

let root: string;
let workspace: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'kaoping-files-'));
  workspace = path.join(root, 'workspace');
  for (const name of ['A', 'B']) {
    mkdirSync(path.join(workspace, name, 'evidence'), { recursive: true });
    mkdirSync(path.join(workspace, name, 'exports'), { recursive: true });
    writeFileSync(path.join(workspace, name, 'evidence', 'shot.png'), `picture of ${name}`);
  }
  writeFileSync(path.join(workspace, 'A', 'exports', '通报.docx'), 'circular');
  writeFileSync(path.join(workspace, 'A', 'assessment.sqlite'), 'database');
  writeFileSync(path.join(root, 'secret.txt'), 'outside the workspace');
  mkdirSync(path.join(root, 'elsewhere', 'evidence'), { recursive: true });
  writeFileSync(path.join(root, 'elsewhere', 'evidence', 'shot.png'), 'not an assessment of this workspace');
  // Links planted inside the workspace.
  symlinkSync(path.join(root, 'secret.txt'), path.join(workspace, 'A', 'evidence', 'to-secret.png'));
  symlinkSync(path.join(workspace, 'B', 'evidence', 'shot.png'), path.join(workspace, 'A', 'evidence', 'to-other-assessment.png'));
  symlinkSync(path.join(workspace, 'A', 'assessment.sqlite'), path.join(workspace, 'A', 'evidence', 'to-database.png'));
  symlinkSync(path.join(root, 'elsewhere'), path.join(workspace, 'linked-assessment'));
  symlinkSync(path.join(workspace, 'A', 'evidence', 'shot.png'), path.join(workspace, 'A', 'evidence', 'alias.png'));
  serveWorkspaceFiles(workspace);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function get(url: string): Promise<{ status: number; text: string }> {
  const response = await protocol.handlers.get('kaoping-file')!(new Request(url));
  return { status: response.status, text: response.status === 200 ? await response.text() : '' };
}

describe('the kaoping-file: protocol', () => {
  it('serves evidence and exports of an assessment', async () => {
    await expect(get('kaoping-file://files/A/evidence/shot.png')).resolves.toEqual({ status: 200, text: 'picture of A' });
    await expect(get(`kaoping-file://files/A/exports/${encodeURIComponent('通报.docx')}`)).resolves.toEqual({
      status: 200,
      text: 'circular',
    });
  });

  it('follows a link that stays inside the same evidence folder', async () => {
    await expect(get('kaoping-file://files/A/evidence/alias.png')).resolves.toEqual({ status: 200, text: 'picture of A' });
  });

  it.each([
    ['a link to a file outside the workspace', 'kaoping-file://files/A/evidence/to-secret.png'],
    ['a link to another assessment’s evidence', 'kaoping-file://files/A/evidence/to-other-assessment.png'],
    ['a link to the assessment’s database', 'kaoping-file://files/A/evidence/to-database.png'],
    ['an assessment folder that is a link to elsewhere', 'kaoping-file://files/linked-assessment/evidence/shot.png'],
    ['the database itself', 'kaoping-file://files/A/assessment.sqlite'],
    ['.. out of the folder', 'kaoping-file://files/A/evidence/../assessment.sqlite'],
    ['an encoded ..', 'kaoping-file://files/A/evidence/%2e%2e%2fassessment.sqlite'],
    ['an encoded separator', 'kaoping-file://files/A%2Fevidence%2Fshot.png'],
    ['another host', 'kaoping-file://other/A/evidence/shot.png'],
    ['a missing file', 'kaoping-file://files/A/evidence/none.png'],
  ])('answers 404 for %s', async (_what, url) => {
    await expect(get(url)).resolves.toMatchObject({ status: 404 });
  });
});
