import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../app-paths';
import { loadWordList, type WordList } from './detectors/words';

/** The reviewers' own additions live beside the assessment: <assessment>/words.txt. */
export const ASSESSMENT_WORDS_FILE = 'words.txt';

/**
 * The 错敏字 list a check uses: every list shipped in resources/wordlists, then
 * the assessment's words.txt, whose entries override the shipped ones. A
 * malformed line stops the check with the file and line named.
 */
export function wordListFor(assessmentDir: string | undefined, shipped: string = path.join(resourcesDir(), 'wordlists')): WordList {
  const files = readdirSync(shipped)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(shipped, f));
  const own = assessmentDir ? path.join(assessmentDir, ASSESSMENT_WORDS_FILE) : undefined;
  if (own && existsSync(own)) files.push(own);
  return loadWordList(files.map((f) => ({ source: path.basename(f), text: readFileSync(f, 'utf8') })));
}
