import { app, type Session } from 'electron';
import type { GuardProxy } from '../services/browse/guard-proxy';
import type { NetworkGuard } from '../services/browse/private-network';

/** The address policy and the proxy enforcing it, as the desktop review view uses them. */
export interface ReviewNetwork {
  guard: NetworkGuard;
  proxy: Pick<GuardProxy, 'port' | 'credentials' | 'failureFor'>;
}

/**
 * Keeps the review partition off the reviewer's machine and network, as in
 * browser mode: every connection (pages, WebSockets, workers; loopback
 * included, `<-loopback>`) goes through the guard proxy, which checks the
 * address it connects to. A first look at each request (ws:// too) cancels
 * the ones the policy refuses, so the reviewer gets Chromium's "blocked"
 * page instead of a proxy error. Only the proxy's own challenge is answered
 * with its credential; a site's login prompt stays refused.
 * Resolves once the proxy is in force: sites must not load before that.
 */
export async function guardReviewSession(reviewSession: Session, network: ReviewNetwork): Promise<void> {
  const { guard, proxy } = network;
  await reviewSession.setProxy({ mode: 'fixed_servers', proxyRules: `http://127.0.0.1:${proxy.port}`, proxyBypassRules: '<-loopback>' });
  reviewSession.webRequest.onBeforeRequest((details, callback) => {
    guard.allow(details.url).then(
      (ok) => callback({ cancel: !ok }),
      () => callback({ cancel: true }),
    );
  });
  app.on('login', (event, _contents, _details, authInfo, callback) => {
    if (!authInfo.isProxy || authInfo.host !== '127.0.0.1' || authInfo.port !== proxy.port) return;
    event.preventDefault();
    callback(proxy.credentials.username, proxy.credentials.password);
  });
}
