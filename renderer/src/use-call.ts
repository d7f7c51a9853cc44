import { useCallback, useEffect, useState } from 'react';
import { LatestOnly } from './latest-only';

/**
 * Loads data from one API call and reloads on demand; errors are kept for display.
 * Only the newest load's answer is applied, so changing deps quickly never shows an older answer.
 */
export function useCall<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [latest] = useState(() => new LatestOnly());
  // The caller lists what `load` depends on, as with useEffect; lint checks that list at
  // every call site (useCall is one of exhaustive-deps' additionalHooks), so it is passed on as is.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- deps are checked where useCall is called
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    setLoading(true);
    const outcome = await latest.run(run);
    if (!outcome.current) return;
    if (outcome.ok) {
      setData(outcome.value);
      setError(undefined);
    } else {
      setError(outcome.error as Error);
    }
    setLoading(false);
  }, [run, latest]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}
