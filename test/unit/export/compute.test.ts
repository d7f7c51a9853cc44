import { describe, expect, it } from 'vitest';
import { gradeCounts, passed, resultsByClass } from '../../../electron/services/export/compute/results';
import { problemRows } from '../../../electron/services/export/compute/problems';
import type { ExportAssessmentData } from '../../../electron/services/export/model';
import { chaozhouSample, zhanjiangSample } from '../../fixtures/export/samples';

describe('results by class', () => {
  it('orders rows by rank within each class', () => {
    const data = chaozhouSample();
    data.scores.reverse();
    const [web, nm] = resultsByClass(data);
    expect(web!.rows.map((r) => r.target.unit)).toEqual(['饶平县人民政府', '潮安区人民政府', '湘桥区人民政府', '枫溪区管委会']);
    expect(nm!.rows).toHaveLength(26);
    expect(gradeCounts(nm!.rows)).toEqual([
      { grade: '优秀', count: 14 },
      { grade: '良好', count: 7 },
      { grade: '合格', count: 5 },
    ]);
  });

  it('names a score whose target is missing', () => {
    const data = chaozhouSample();
    data.scores.push({ ...data.scores[0]!, targetId: 'ghost' });
    expect(() => resultsByClass(data)).toThrow('ghost');
  });

  it('counts a veto as failing whatever the grade says', () => {
    expect(
      passed({ targetId: 'a', veto: true, vetoReasons: [], sections: {}, basic: 90, bonus: 0, total: 90, grade: '优秀', rank: 1 }),
    ).toBe(false);
  });
});

describe('problem rows', () => {
  function small(): ExportAssessmentData {
    const { data } = zhanjiangSample();
    return data;
  }

  it('lists the failing targets with the seed phrases', () => {
    const rows = problemRows(small(), 'website');
    expect(rows.map((r) => [r.target.name, r.problem])).toEqual([
      ['赤坎区人民政府网', '多个栏目长期未更新'],
      ['雷州市人民政府网', '内容发布审核不严'],
      ['吴川市人民政府网', '多个栏目长期未更新'],
      ['湛江经济技术开发区门户网站', '超过2个月未回应有效留言'],
      ['市投资促进局', '内容发布审核不严'],
    ]);
  });

  it('puts veto findings first, then other confirmed findings, skipping unconfirmed ones', () => {
    const data = small();
    const id = 'zj-county-1';
    data.scores.find((s) => s.targetId === id)!.vetoReasons = ['首页被篡改'];
    data.findings.push(
      {
        id: 'x1',
        targetId: id,
        indicatorId: 'i',
        indicatorName: '互动交流',
        problem: '留言未回复',
        status: 'confirmed',
        veto: false,
        evidence: [],
      },
      {
        id: 'x2',
        targetId: id,
        indicatorId: 'i',
        indicatorName: '栏目',
        problem: '待确认问题',
        status: 'suggested',
        veto: false,
        evidence: [],
      },
    );
    const row = problemRows(data, 'website').find((r) => r.target.id === id)!;
    // The findings' short phrases, veto findings first; the engine's "指标：细则" veto reasons are not
    // repeated beside them (they read "站点无法访问：站点无法访问" in a list).
    expect(row.problem).toBe('多个栏目长期未更新；留言未回复');
    // Without findings (a score report), the veto reasons' short part stands in.
    const bare = { ...data, findings: [] };
    expect(problemRows(bare, 'website').find((r) => r.target.id === id)!.problem).toBe('首页被篡改');
  });

  it('does not repeat a veto finding that the engine’s veto reason already names', () => {
    const data = small();
    const id = 'zj-county-1';
    data.scores.find((s) => s.targetId === id)!.vetoReasons = ['首页不更新：2周以上未更新'];
    data.findings.push({
      id: 'v1',
      targetId: id,
      indicatorId: 'veto.site.homepage-stale',
      indicatorName: '首页不更新',
      problem: '2周以上未更新',
      status: 'confirmed',
      veto: true,
      evidence: [],
    });
    expect(problemRows(data, 'website').find((r) => r.target.id === id)!.problem).toBe('多个栏目长期未更新；2周以上未更新');
  });

  it('applies overrides: edited text, removal with an empty string, and adding a passing target', () => {
    const rows = problemRows(small(), 'website', {
      'zj-county-1': '栏目更新不及时（已核实）',
      'zj-county-5': '',
      'zj-county-2': '个别链接不可用',
    });
    const byId = new Map(rows.map((r) => [r.target.id, r.problem]));
    expect(byId.get('zj-county-1')).toBe('栏目更新不及时（已核实）');
    expect(byId.has('zj-county-5')).toBe(false);
    expect(byId.get('zj-county-2')).toBe('个别链接不可用');
  });
});

describe('export preview', () => {
  it('shows what the file will hold: sheets, the circular text, or the evidence list', async () => {
    const { previewExport } = await import('../../../electron/services/export/index');
    const sheets = previewExport(chaozhouSample(), 'annex-chaozhou');
    expect(sheets.kind === 'workbook' && sheets.sheets.map((s) => s.title)).toEqual(['政府网站考评情况表', '政务新媒体考评情况表']);
    const doc = previewExport(zhanjiangSample().data, 'circular-zhanjiang', {
      date: '2021-07-08',
      problemOverrides: { 'zj-county-1': '已整改' },
    });
    expect(doc.kind).toBe('document');
    if (doc.kind !== 'document') return;
    // Broken at a word boundary into a trapezoid (GB/T 9704: 词意完整).
    expect(doc.document.title).toBe('湛江市人民政府办公室关于2021年第二季度\n全市政府网站与政务新媒体检查情况的通报');
    expect(doc.document.date).toBe('2021年7月8日');
    expect(doc.document.annexes[0]!.blocks[0]!.rows[0]).toEqual([1, '赤坎区人民政府网', '赤坎区人民政府', '已整改']);
  });
});
