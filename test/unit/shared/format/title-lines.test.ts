import { describe, expect, it } from 'vitest';
import { breakTitle } from '../../../../shared/format/title-lines';

describe('titles broken at word boundaries (GB/T 9704: 词意完整, 梯形)', () => {
  it('breaks seed 002’s title where the seed does', () => {
    expect(breakTitle('潮州市人民政府办公室关于2019年潮州市政府网站和政务新媒体考评结果的通报')).toEqual([
      '潮州市人民政府办公室关于2019年潮州市',
      '政府网站和政务新媒体考评结果的通报',
    ]);
  });

  it('never splits a known term or a year, and keeps the upper line no shorter', () => {
    const lines = breakTitle('湛江市人民政府办公室关于2021年第二季度全市政府网站与政务新媒体检查情况的通报');
    expect(lines).toEqual(['湛江市人民政府办公室关于2021年第二季度', '全市政府网站与政务新媒体检查情况的通报']);
    for (const line of lines) expect(line).not.toMatch(/^(媒体|年|府)/u);
  });

  it('keeps a short title on one line and honours manual breaks', () => {
    expect(breakTitle('关于开展检查的通知')).toEqual(['关于开展检查的通知']);
    expect(breakTitle('南岭市人民政府办公室关于 | 2025年度考评结果的通报')).toEqual(['南岭市人民政府办公室关于', '2025年度考评结果的通报']);
  });
});
