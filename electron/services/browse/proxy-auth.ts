import type { CDPSession } from 'puppeteer-core';
import type { GuardProxy } from './guard-proxy';

/**
 * Answers the guard proxy's challenge (407) for one page with its per-launch
 * credential, over that page's DevTools session, and no other: a site's own
 * login prompt (401) is cancelled, so its page is shown as a 401 and the
 * credential never reaches a site. (puppeteer's `page.authenticate` answers every challenge,
 * whoever asks.) A credential refused once is not offered again.
 */
export async function answerProxyChallenges(session: CDPSession, credentials: GuardProxy['credentials']): Promise<void> {
  const tried = new Set<string>();
  session.on('Fetch.authRequired', (event) => {
    const ours = event.authChallenge.source === 'Proxy' && !tried.has(event.requestId);
    if (ours) tried.add(event.requestId);
    void session
      .send('Fetch.continueWithAuth', {
        requestId: event.requestId,
        authChallengeResponse: ours ? { response: 'ProvideCredentials', ...credentials } : { response: 'CancelAuth' },
      })
      .catch(() => undefined); // the page went away meanwhile
  });
  // Paused requests go on unchanged: only the challenges are of interest here.
  session.on(
    'Fetch.requestPaused',
    (event) => void session.send('Fetch.continueRequest', { requestId: event.requestId }).catch(() => undefined),
  );
  await session.send('Fetch.enable', { handleAuthRequests: true, patterns: [{ urlPattern: '*' }] });
}
