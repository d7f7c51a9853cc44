import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../electron/services/api/dispatch';
import { errorMessage } from '../../../renderer/src/api/error-message';
import { matches, typingIn } from '../../../renderer/src/review/shortcuts';
import { windowSize } from '../../../renderer/src/review/pane-layout';
import { afterDecision, pendingQueue, stepInQueue } from '../../../renderer/src/review/triage-queue';
import type { FindingView } from '../../../shared/api/review';

const el = (tagName: string, extra: Record<string, unknown> = {}) =>
  ({ tagName, isContentEditable: false, hasAttribute: (name: string) => name in extra, ...extra }) as unknown as EventTarget;
const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({
  key: k,
  code: `Key${k.toUpperCase()}`,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('review workspace input', () => {
  it('treats text fields, not radios or the drawn page, as typing', () => {
    expect(typingIn(el('TEXTAREA'))).toBe(true);
    expect(typingIn(el('INPUT', { type: 'text' }))).toBe(true);
    expect(typingIn(el('INPUT', { type: 'url' }))).toBe(true);
    // antd's segmented tabs are radios: clicking one must not switch the shortcuts off.
    expect(typingIn(el('INPUT', { type: 'radio' }))).toBe(false);
    expect(typingIn(el('TEXTAREA', { 'data-page-input': '' }))).toBe(false);
    expect(typingIn(el('DIV'))).toBe(false);
    expect(typingIn(null)).toBe(false);
  });

  it('matches Alt and Ctrl shortcuts by key or physical key', () => {
    expect(matches(key('l', { altKey: true }), 'Alt+L')).toBe(true);
    expect(matches({ ...key('¬', { altKey: true }), code: 'KeyL' }, 'Alt+L')).toBe(true);
    expect(matches(key('l'), 'Alt+L')).toBe(false);
    expect(matches(key('z', { ctrlKey: true }), 'Ctrl+Z')).toBe(true);
  });

  it('chooses the layout by window width', () => {
    expect(windowSize(1366)).toBe('compact');
    expect(windowSize(1440)).toBe('compact');
    expect(windowSize(1920)).toBe('wide');
  });

  it("shows the contract's Chinese message for a refused input, not the generic line", async () => {
    const refused = await dispatch({} as never, 'targets/import', { id: 'a', fileName: '名单.docx', contentBase64: '' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.message).toBe('请求参数不符合要求');
    expect(errorMessage(refused.error)).toBe('只支持 .xlsx 或 .csv 文件');
    const address = await dispatch({} as never, 'browser/navigate', { url: 'file:///etc/passwd' });
    expect(!address.ok && errorMessage(address.error)).toBe('只能打开 http 或 https 网址');
    // zod's own English defaults stay behind the generic Chinese line.
    const english = await dispatch({} as never, 'findings/add', { id: 'a' });
    expect(!english.ok && errorMessage(english.error)).toBe('请求参数不符合要求');
    expect(Object.keys(contract)).toContain('findings/restore');
  });

  it('walks the suggestions as a queue in checklist order, across indicators', () => {
    const f = (id: number, indicatorId: string, status: FindingView['status'] = 'suggested') =>
      ({ id, indicatorId, status }) as FindingView;
    const leaves = ['veto.a', 'basic.b', 'basic.c', 'basic.d'];
    const queue = pendingQueue(
      [f(9, 'basic.d'), f(3, 'basic.b'), f(4, 'veto.a', 'confirmed'), f(5, 'basic.b'), f(1, 'basic.c', 'dismissed')],
      leaves,
    );
    expect(queue.map((x) => x.id)).toEqual([3, 5, 9]);
    expect(stepInQueue(queue, leaves, 3, 'basic.b', 1)?.id).toBe(5);
    expect(stepInQueue(queue, leaves, 9, 'basic.d', 1)?.id).toBe(9);
    expect(stepInQueue(queue, leaves, 5, 'basic.b', -1)?.id).toBe(3);
    // From an indicator with no suggestion of its own: forward to the next one, back to the one before.
    expect(stepInQueue(queue, leaves, undefined, 'basic.c', 1)?.id).toBe(9);
    expect(stepInQueue(queue, leaves, undefined, 'basic.c', -1)?.id).toBe(5);
    expect(afterDecision(queue, 5)?.id).toBe(9);
    expect(afterDecision(queue, 9)?.id).toBe(5);
    expect(afterDecision([f(3, 'basic.b')], 3)).toBeUndefined();
  });
});
