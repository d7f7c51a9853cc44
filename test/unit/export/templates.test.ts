import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fill, loadTemplate } from '../../../electron/services/export/templates';
import { KaopingError } from '../../../shared/errors';

describe('circular templates', () => {
  it('loads both bundled templates', () => {
    const cz = loadTemplate('circular-chaozhou');
    const zj = loadTemplate('circular-zhanjiang');
    expect(cz.sections.map((s) => s.heading)).toEqual(['一、基本情况', '二、考评结果', '三、下一步工作要求']);
    expect(zj.sections.map((s) => s.heading)).toEqual(['一、总体情况', '二、主要问题', '三、下一步工作要求']);
    expect(zj.annexes.map((a) => a.title)).toEqual(['检查发现存在突出问题的政府网站名单', '检查发现存在突出问题的政务新媒体名单']);
  });

  it('fills placeholders and names the file for an unknown one', () => {
    expect(fill('{{issuer}}文件', { issuer: '湛江市人民政府办公室' })).toBe('湛江市人民政府办公室文件');
    expect(() => fill('{{isuer}}文件', {}, 'my.json')).toThrow(/my\.json.*isuer/u);
  });

  it('rejects an edited template with a missing field, naming the field', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kp-tpl-'));
    const file = path.join(dir, 't.json');
    writeFileSync(file, JSON.stringify({ title: 'x' }));
    try {
      loadTemplate('circular-chaozhou', file);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KaopingError);
      expect((error as Error).message).toContain('issuerMark');
    }
  });
});
