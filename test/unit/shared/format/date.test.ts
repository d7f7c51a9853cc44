import { describe, expect, it } from 'vitest';
import {
  chineseNumeral,
  formatChineseDate,
  formatChineseDateRange,
  formatChinaDateTime,
  formatDocNumber,
} from '../../../../shared/format/date';
import { formatPercent, formatScore, roundTo } from '../../../../shared/format/number';

describe('Chinese official dates', () => {
  it('writes Arabic numerals without leading zeros', () => {
    expect(formatChineseDate('2020-04-03')).toBe('2020年4月3日');
    expect(formatChineseDate('2021-07-09')).toBe('2021年7月9日');
  });
  it('uses China time for Date values', () => {
    // 2021-07-08 20:00 UTC is already 9 July in Beijing.
    expect(formatChineseDate(new Date('2021-07-08T20:00:00Z'))).toBe('2021年7月9日');
  });
  it('writes ranges within and across years', () => {
    expect(formatChineseDateRange('2021-04-01', '2021-07-05')).toBe('2021年4月1日至7月5日');
    expect(formatChineseDateRange('2020-12-01', '2021-01-05')).toBe('2020年12月1日至2021年1月5日');
  });
  it('formats 发文字号 with 六角括号 and no padding', () => {
    expect(formatDocNumber('湛府办', 2021, 16)).toBe('湛府办〔2021〕16号');
    expect(formatDocNumber('湛府办', 2021, '016')).toBe('湛府办〔2021〕16号');
  });
  it('writes ordinals and capture times', () => {
    expect([1, 2, 10, 12, 21].map(chineseNumeral)).toEqual(['一', '二', '十', '十二', '二十一']);
    expect(formatChinaDateTime('2021-07-05T02:30:00Z')).toBe('2021-07-05 10:30:00');
  });
  it('rejects text that is not a date', () => {
    expect(() => formatChineseDate('昨天')).toThrow('无法识别的日期');
  });
});

describe('numbers', () => {
  it('rounds half up without binary drift and formats percentages as the circulars do', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(formatPercent(42, 47)).toBe('89.4%');
    expect(formatPercent(211, 216)).toBe('97.7%');
    expect(formatPercent(5, 5)).toBe('100%');
    expect(formatPercent(0, 0)).toBe('—');
    expect(formatScore(85.625)).toBe('85.63');
  });
});
