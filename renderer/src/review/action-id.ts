/**
 * A fresh id for one user action (a draft, an undo step). The host stores it
 * with the action's result: a second request with the same id, from a double
 * click or a retry, gets the first result and writes nothing.
 */
export function newActionId(kind: string): string {
  const random =
    typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `${kind}:${random}`;
}
