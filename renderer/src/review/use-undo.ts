import { useCallback, useRef, useState } from 'react';

/** One step the reviewer can take back: how to reverse it, and what to call it. */
export interface UndoStep {
  label: string;
  /** The user action it reverses: a repeat of that action (a double click answered twice) adds no second step. */
  key?: string;
  undo: () => Promise<unknown>;
}

/**
 * Undo for review actions. Each action pushes its inverse, carried out through
 * the same API (so the store's history records the undo, with its reason);
 * nothing is rewritten in place.
 */
export function useUndo(limit = 50) {
  const stack = useRef<UndoStep[]>([]);
  const [top, setTop] = useState<string | undefined>();

  const push = useCallback(
    (step: UndoStep) => {
      if (step.key && stack.current[stack.current.length - 1]?.key === step.key) return;
      stack.current = [...stack.current.slice(-(limit - 1)), step];
      setTop(step.label);
    },
    [limit],
  );

  const undo = useCallback(async (): Promise<string | undefined> => {
    const step = stack.current.pop();
    setTop(stack.current[stack.current.length - 1]?.label);
    if (!step) return undefined;
    await step.undo();
    return step.label;
  }, []);

  return { push, undo, next: top };
}
