import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssessmentOverview, TargetDelta, TargetQuery, TargetRow } from '../../../shared/api/views';
import { api } from '../api/client';
import { applyDelta } from './apply-delta';

interface State {
  overview?: AssessmentOverview;
  /** The rows shown: one page (paged tables) or the pages loaded so far (lists that load more). */
  rows: TargetRow[];
  offset: number;
  error?: Error;
  loading: boolean;
}

/** How many rows to ask for to show again what is shown (the host gives at most 500 at once). */
const shownLimit = (pageSize: number, shown: number) => Math.min(500, Math.max(pageSize, shown));

/**
 * One assessment's overview, paged on the host: the search, filters and order
 * go to the host, and one page of rows comes back. `goTo` shows another page;
 * `loadMore` appends the next one. `applyDelta` updates the shown rows from what
 * a review action returned, without asking the host again.
 */
export function useOverview(id: string, query: TargetQuery, pageSize: number, startAt = 0) {
  const [state, setState] = useState<State>({ rows: [], offset: 0, loading: true });
  const latest = useRef(0);
  // The first load opens at `startAt` (the page the reviewer left); a new query starts from the top.
  const opening = useRef(startAt);
  const current = useRef(state);
  current.current = state;
  const queryKey = JSON.stringify(query);

  const load = useCallback(
    async (offset: number, limit: number, append: boolean): Promise<TargetRow[]> => {
      const request = ++latest.current;
      setState((s) => ({ ...s, loading: true }));
      try {
        const overview = await api.assessment.overview({ id, query: JSON.parse(queryKey) as TargetQuery, offset, limit });
        // A slower answer to an older query never replaces a newer one.
        if (request !== latest.current) return current.current.rows;
        const rows = append ? [...current.current.rows, ...overview.targets] : overview.targets;
        setState({ overview, rows, offset: append ? current.current.offset : overview.offset, loading: false });
        return rows;
      } catch (e) {
        if (request === latest.current) setState((s) => ({ ...s, error: e as Error, loading: false }));
        return current.current.rows;
      }
    },
    [id, queryKey],
  );

  useEffect(() => {
    const offset = opening.current;
    opening.current = 0;
    void load(offset, pageSize, false);
  }, [load, pageSize]);

  return {
    overview: state.overview,
    rows: state.rows,
    offset: state.offset,
    error: state.error,
    loading: state.loading,
    /** More rows match than are shown. */
    more: state.overview ? state.offset + state.rows.length < state.overview.matched : false,
    goTo: (offset: number) => load(offset, pageSize, false),
    loadMore: () => load(state.offset + state.rows.length, pageSize, true),
    /** Asks again for what is shown (after a change the host made that returned no delta). */
    reload: () => load(state.offset, shownLimit(pageSize, state.rows.length), false),
    applyDelta: (delta: TargetDelta) => {
      if (delta.reload) return void load(state.offset, shownLimit(pageSize, state.rows.length), false);
      setState((s) => ({
        ...s,
        rows: applyDelta(s.rows, delta),
        overview: s.overview && { ...s.overview, incomplete: delta.incomplete, summary: delta.summary },
      }));
    },
  };
}
