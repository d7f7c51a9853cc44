import path from 'node:path';
import { resolveInside } from '../server/static-files';

/**
 * Maps `/files/<assessment>/evidence/<file>` and `/files/<assessment>/exports/<file>`
 * to a file inside that folder of the assessment, and nothing else: the UI shows
 * evidence and downloads exports by URL without any other part of the disk being reachable.
 */
export function evidenceFileRoute(workspaceDir: string): (urlPath: string) => string | undefined {
  return (urlPath) => {
    const parts = urlPath.split('/');
    if (parts.length < 3 || (parts[1] !== 'evidence' && parts[1] !== 'exports')) return undefined;
    const assessment = resolveInside(workspaceDir, parts[0]!);
    if (!assessment) return undefined;
    return resolveInside(path.join(assessment, parts[1]), parts.slice(2).join('/'));
  };
}
