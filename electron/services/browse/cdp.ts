/**
 * The one thing the capture pipeline needs from a browser: send a DevTools
 * Protocol command to the page and get its answer. The headless host passes
 * its puppeteer CDPSession; the desktop app adapts webContents.debugger
 * (electron/main/debugger-cdp.ts). Answers are the page's to shape, so callers
 * read them as unknown and check what they use.
 */
export interface CdpSend {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
}

/** A puppeteer CDPSession as a CdpSend (its typed `send` narrowed to the plain form). */
export function cdpOfSession(session: { send: (...args: never[]) => Promise<unknown> }): CdpSend {
  const send = session.send.bind(session) as unknown as (method: string, params?: Record<string, unknown>) => Promise<unknown>;
  return { send: (method, params) => send(method, params) };
}
