import { useCallback, useEffect, useState } from 'react';

/** Loads data from one API call and reloads on demand; errors are kept for display. */
export function useCall<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  // The caller lists what `load` depends on, as with useEffect; lint checks that list at
  // every call site (useCall is one of exhaustive-deps' additionalHooks), so it is passed on as is.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- deps are checked where useCall is called
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await run());
      setError(undefined);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}
