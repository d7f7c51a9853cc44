/**
 * Undo and redo over the editor's drafts. Every editing operation returns a new
 * draft (edit.ts), so the history is a list of drafts: recording one drops what
 * could have been redone, undo and redo move between them. Pure, so the editor
 * and its tests share it.
 */
export interface EditHistory<T> {
  past: T[];
  present: T;
  future: T[];
  /** The merge key of the last edit (see `record`). */
  mergeKey?: string;
}

/** How many steps back an editing session keeps. */
export const HISTORY_LIMIT = 200;

export function startHistory<T>(present: T): EditHistory<T> {
  return { past: [], present, future: [] };
}

/**
 * The history after an edit; an operation that changed nothing records nothing.
 * Edits with the same `mergeKey` in a row are one step (typing 8, 5 into a number
 * field is one change to 85, undone at once).
 */
export function record<T>(h: EditHistory<T>, next: T, options: { mergeKey?: string; limit?: number } = {}): EditHistory<T> {
  if (next === h.present) return h;
  if (options.mergeKey !== undefined && options.mergeKey === h.mergeKey && h.past.length)
    return { past: h.past, present: next, future: [], mergeKey: options.mergeKey };
  return { past: [...h.past, h.present].slice(-(options.limit ?? HISTORY_LIMIT)), present: next, future: [], mergeKey: options.mergeKey };
}

export function undo<T>(h: EditHistory<T>): EditHistory<T> {
  const previous = h.past.at(-1);
  if (previous === undefined) return h;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future] };
}

export function redo<T>(h: EditHistory<T>): EditHistory<T> {
  const next = h.future[0];
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: h.future.slice(1) };
}

/** Replaces the present without an undo step (a save stamping the version number). */
export function amend<T>(h: EditHistory<T>, present: T): EditHistory<T> {
  return { ...h, present, mergeKey: undefined };
}
