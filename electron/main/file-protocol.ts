import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { evidenceFileRoute } from '../services/workspace/file-route';

/** Evidence images and exports reach the app's page as kaoping-file://files/<assessment>/{evidence,exports}/… */
export const FILE_SCHEME = 'kaoping-file';

/** Must run before the app is ready. */
export function registerFileScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: FILE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Serves files of the workspace's assessments by the same allowlist as browser
 * mode (evidence/ and exports/ only); any other path is a 404.
 */
export function serveWorkspaceFiles(workspaceDir: string): void {
  const route = evidenceFileRoute(workspaceDir);
  protocol.handle(FILE_SCHEME, (request) => {
    const url = new URL(request.url);
    // The route decodes the path itself (and refuses .. and encoded separators).
    const file = url.host === 'files' ? route(url.pathname.slice(1)) : undefined;
    if (!file) return new Response('未找到', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
