import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_CSP } from '../../shared/api/csp';
import { APP_HOST, APP_SCHEME } from '../services/security/app-url';
import { contentType, resolveInside } from '../services/server/static-files';

/**
 * Serves the built renderer at app://kaoping/…: files inside `rendererDir`
 * only, with the app's CSP; any other host or path is a 404.
 */
export function serveAppPage(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname) : undefined;
    if (!file) return new Response('未找到', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    if (!response.ok) return new Response('未找到', { status: 404 });
    return new Response(response.body, {
      status: 200,
      headers: { 'content-type': contentType(file), 'content-security-policy': APP_CSP, 'x-content-type-options': 'nosniff' },
    });
  });
}
