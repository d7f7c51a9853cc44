import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** The rule ids ESLint reports for `code` as if it were the file at `file` (relative to the repository). */
async function rulesHit(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint rules of npm run lint', () => {
  it('bans plain errors in services and the desktop glue, and lets KaopingError through', async () => {
    const plain =
      "export function f(): never {\n  throw new Error('x');\n}\nexport const g = () => new TypeError('y');\nexport const h = () => RangeError('z');\n";
    for (const file of ['electron/services/probe.ts', 'electron/main/probe.ts']) {
      expect(await rulesHit(plain, file)).toEqual(['no-restricted-syntax', 'no-restricted-syntax', 'no-restricted-syntax']);
    }
    const ours =
      "import { KaopingError } from '../../shared/errors';\nexport function f(): never {\n  throw new KaopingError('x', '说明');\n}\n";
    expect(await rulesHit(ours, 'electron/services/probe.ts')).toEqual([]);
  });

  it('checks the rules of hooks and effect dependencies in the renderer, useCall included', async () => {
    const code = [
      "import { useEffect, useState } from 'react';",
      "import { useCall } from './use-call';",
      'export function Probe(props: { id: string; on: boolean }) {',
      '  const data = useCall(async () => props.id, []);',
      '  useEffect(() => console.log(props.id), []);',
      '  if (props.on) {',
      '    const [s] = useState(0);',
      '    return s;',
      '  }',
      '  return data.data;',
      '}',
      '',
    ].join('\n');
    expect((await rulesHit(code, 'renderer/src/probe.tsx')).sort()).toEqual([
      'react-hooks/exhaustive-deps',
      'react-hooks/exhaustive-deps',
      'react-hooks/rules-of-hooks',
    ]);
  });
});
