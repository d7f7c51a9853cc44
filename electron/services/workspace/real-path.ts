import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * The file's real path when it, with every link resolved, lies strictly
 * below `root` (itself resolved); undefined when either is missing or a link
 * leads out. A name check alone is not enough: `evidence/x.png -> /etc/passwd`
 * passes it. The one real-path check for everything served, packed or
 * verified from a workspace: `/files/…`, the desktop `kaoping-file:`
 * protocol, the evidence pack and `verify`.
 */
export function realPathInside(root: string, file: string): string | undefined {
  try {
    const real = realpathSync(file);
    const rel = path.relative(realpathSync(root), real);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? real : undefined;
  } catch {
    return undefined;
  }
}
