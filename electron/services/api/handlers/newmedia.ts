import type { AccountFormView } from '../../../../shared/api/review';
import { accountForm, saveAccountForm } from '../../review/account-form';
import type { HandlerDeps } from '../handlers';
import { storeRunner } from './common';

/** The new-media review form of one account. */
export function newMediaHandlers(deps: HandlerDeps) {
  const withStore = storeRunner(deps);
  return {
    'newmedia/form': (input: { id: string; targetId: number }) => withStore(input.id, (store) => accountForm(store, input.targetId)),
    'newmedia/save': (input: { id: string; targetId: number; answers: AccountFormView['answers'] }) =>
      withStore(input.id, (store) => saveAccountForm(store, input.targetId, input.answers, deps.now?.() ?? new Date())),
  };
}
