import { useEffect, useRef } from 'react';

/** Every review action with a key, in one table: the help popover and the handler both read it. */
export const SHORTCUTS = {
  captureVisible: { keys: 'Alt+S', label: '截图：可视区域' },
  captureFull: { keys: 'Alt+F', label: '截图：整页' },
  captureRegion: { keys: 'Alt+R', label: '截图：框选区域' },
  captureMhtml: { keys: 'Alt+M', label: '保存网页快照（MHTML）' },
  nextIndicator: { keys: 'Alt+J', label: '下一个指标' },
  prevIndicator: { keys: 'Alt+K', label: '上一个指标' },
  nextTarget: { keys: 'Alt+N', label: '下一个考评对象' },
  prevTarget: { keys: 'Alt+P', label: '上一个考评对象' },
  nextSuggestion: { keys: 'Alt+L', label: '下一条待确认的建议（跨指标）' },
  prevSuggestion: { keys: 'Alt+H', label: '上一条待确认的建议（跨指标）' },
  confirmSuggestion: { keys: 'Alt+Y', label: '确认当前建议，转到下一条' },
  dismissSuggestion: { keys: 'Alt+X', label: '驳回当前建议（填写原因），转到下一条' },
  markReviewed: { keys: 'Alt+D', label: '标记当前指标已评审' },
  undo: { keys: 'Ctrl+Z', label: '撤销上一步' },
} as const;

export type ShortcutAction = keyof typeof SHORTCUTS;

/** Whether a key event matches "Alt+S" / "Ctrl+Z" (Cmd on macOS counts as Ctrl). */
export function matches(event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>, keys: string): boolean {
  const parts = keys.split('+');
  const key = parts.pop()!.toLowerCase();
  const wantAlt = parts.includes('Alt');
  const wantCtrl = parts.includes('Ctrl');
  // Alt+letter produces other characters on some layouts: compare the physical key too.
  const pressed = event.key.toLowerCase() === key || event.code.toLowerCase() === `key${key}`;
  return pressed && event.altKey === wantAlt && (event.ctrlKey || event.metaKey) === wantCtrl && !event.shiftKey;
}

const TEXT_INPUTS: ReadonlySet<string> = new Set([
  'text',
  'search',
  'url',
  'email',
  'number',
  'password',
  'tel',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
]);

/** True while the reviewer types in one of our fields: a note, a reason, the address bar. */
export function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  // The drawn page's key field forwards keys to the site; the review shortcuts stay live there.
  if (el?.hasAttribute?.('data-page-input')) return false;
  if (!el) return false;
  // Radios, checkboxes and buttons take focus when clicked (antd's tabs and switches are radios) but take no text.
  if (el.tagName === 'INPUT') return TEXT_INPUTS.has((el as HTMLInputElement).type);
  return el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}

/**
 * Listens for the review shortcuts on the window. None acts while the reviewer
 * types in a field or an input method is composing: Alt+J in a note must not
 * switch indicator, Alt+S in the address bar must not take a screenshot, and
 * Ctrl+Z there undoes typing. The drawn page (browser mode) is not a field.
 */
export function useShortcuts(handlers: Partial<Record<ShortcutAction, () => void>>): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      for (const [action, spec] of Object.entries(SHORTCUTS) as [ShortcutAction, (typeof SHORTCUTS)[ShortcutAction]][]) {
        if (!matches(event, spec.keys)) continue;
        if (event.isComposing || typingIn(event.target)) return;
        const run = ref.current[action];
        if (!run) return;
        event.preventDefault();
        run();
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
