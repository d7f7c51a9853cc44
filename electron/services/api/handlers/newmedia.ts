import { accountForm, saveAccountForm } from '../../review/account-form';
import type { HandlerDeps } from '../handlers';
import { handlersFor } from '../dispatch';
import { storeRunner } from './common';

/** The new-media review form of one account. */
export function newMediaHandlers(deps: HandlerDeps) {
  const withStore = storeRunner(deps);
  return handlersFor({
    'newmedia/form': (input) => withStore(input.id, (store) => accountForm(store, input.targetId)),
    'newmedia/save': (input) =>
      withStore(input.id, (store) => saveAccountForm(store, input.targetId, input.answers, deps.now?.() ?? new Date())),
  });
}
