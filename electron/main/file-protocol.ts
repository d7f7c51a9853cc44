import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { realEvidenceFileRoute } from '../services/workspace/real-file-route';
import { FILE_SCHEME } from './schemes';

/**
 * Serves files of the workspace's assessments by the same allowlist as browser
 * mode (evidence/ and exports/ only), with links resolved: a file whose real
 * path leaves its assessment's folder is a 404 like any other path outside.
 */
export function serveWorkspaceFiles(workspaceDir: string): void {
  const route = realEvidenceFileRoute(workspaceDir);
  protocol.handle(FILE_SCHEME, (request) => {
    const url = new URL(request.url);
    // The route decodes the path itself (and refuses .. and encoded separators).
    const file = url.host === 'files' ? route(url.pathname.slice(1)) : undefined;
    if (!file) return new Response('未找到', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
