import path from 'node:path';
import { resolveInside } from '../server/static-files';

/**
 * Maps `/files/<assessment>/evidence/<file>` to a file inside that assessment's
 * evidence folder, and nothing else: the UI shows evidence images by URL without
 * any other part of the disk being reachable.
 */
export function evidenceFileRoute(workspaceDir: string): (urlPath: string) => string | undefined {
  return (urlPath) => {
    const parts = urlPath.split('/');
    if (parts.length < 3 || parts[1] !== 'evidence') return undefined;
    const assessment = resolveInside(workspaceDir, parts[0]!);
    if (!assessment) return undefined;
    return resolveInside(path.join(assessment, 'evidence'), parts.slice(2).join('/'));
  };
}
