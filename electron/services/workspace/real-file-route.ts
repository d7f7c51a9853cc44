import { realpathSync } from 'node:fs';
import path from 'node:path';
import { resolveInside } from '../server/static-files';
import { evidenceFileRoute } from './file-route';

/** True when `child` is `parent` or lies below it (both already real paths). */
function within(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

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
    try {
      const workspace = realpathSync(workspaceDir);
      const folder = realpathSync(path.join(assessmentDir, kind));
      const real = realpathSync(file);
      return within(workspace, folder) && within(folder, real) && real !== folder ? real : undefined;
    } catch {
      return undefined; // missing: a 404 like any other unknown file
    }
  };
}
