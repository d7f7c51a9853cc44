import { useCallback, useEffect, useState } from 'react';
import { amend, record, redo, startHistory, undo, type EditHistory } from '../../../../shared/ruleset/history';

/** Whether a key press belongs to a text field's own undo (typing not yet committed to the draft). */
function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA') return true;
  return el.tagName === 'INPUT' && !['checkbox', 'radio', 'button'].includes((el as HTMLInputElement).type);
}

/**
 * The editor's draft with undo and redo over its editing operations: Ctrl+Z undoes,
 * Ctrl+Shift+Z (or Ctrl+Y) redoes, outside text fields (which keep their own undo
 * for what is being typed). `enabled` false (read-only view) ignores the keys.
 */
export function useEditHistory<T>(enabled: boolean) {
  const [history, setHistory] = useState<EditHistory<T>>();
  const edit = useCallback((next: T, mergeKey?: string) => setHistory((h) => (h ? record(h, next, { mergeKey }) : startHistory(next))), []);
  const reset = useCallback((present: T) => setHistory(startHistory(present)), []);
  const stamp = useCallback((present: T) => setHistory((h) => (h ? amend(h, present) : startHistory(present))), []);
  const back = useCallback(() => setHistory((h) => (h ? undo(h) : h)), []);
  const forward = useCallback(() => setHistory((h) => (h ? redo(h) : h)), []);

  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || inTextField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) back();
      else if ((key === 'z' && e.shiftKey) || key === 'y') forward();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, back, forward]);

  return {
    draft: history?.present,
    edit,
    reset,
    stamp,
    undo: back,
    redo: forward,
    canUndo: (history?.past.length ?? 0) > 0,
    canRedo: (history?.future.length ?? 0) > 0,
  };
}
