import path from 'node:path';
import { resolveInside } from '../server/static-files';
import { evidenceFileRoute } from './file-route';
import { realPathInside } from './real-path';

/**
 * evidenceFileRoute with links resolved: the file's real path (symlinks
 * followed) must still lie in the same assessment's evidence/ or exports/
 * folder, and that folder's real path inside the real workspace. A link
 * planted in evidence/ that points at /etc/passwd, at another assessment or
 * at the user's home is refused like any other path outside.
 */
export function realEvidenceFileRoute(workspaceDir: string): (urlPath: string) => string | undefined {
  const route = evidenceFileRoute(workspaceDir);
  return (urlPath) => {
    const file = route(urlPath);
    if (!file) return undefined;
    const [assessment, kind] = urlPath.split('/');
    const assessmentDir = resolveInside(workspaceDir, assessment ?? '');
    if (!assessmentDir || !kind) return undefined;
    // Missing files and folders are undefined too: a 404 like any other unknown file.
    const folder = path.join(assessmentDir, kind);
    return realPathInside(workspaceDir, folder) ? realPathInside(folder, file) : undefined;
  };
}
