import { describe, expect, it } from 'vitest';
import { contextAround } from '../../../../electron/services/checks/detectors/common';
import {
  detectPersonalData,
  findPersonalData,
  isValidIdNumber,
  luhnValid,
  maskAll,
  maskPersonalData,
} from '../../../../electron/services/checks/detectors/personal-data';
import { articleBody, crawled, govPage } from './pages';

const now = new Date('2025-06-30T00:00:00Z');
const site = 'http://www.suixi.gov.cn';
// An all-digit valid ID number that also passes Luhn: it must still be reported as an ID, never as a card.
const ID_LUHN = '440823198506121149';
const page = (path: string, text: string) => crawled(`${site}${path}`, govPage({ body: articleBody(text) }));

describe('validators', () => {
  it('checks ID numbers by check character, birth date and province', () => {
    expect(isValidIdNumber('11010519491231002X', now)).toBe(true);
    expect(isValidIdNumber('11010519491231002x', now)).toBe(true);
    expect(isValidIdNumber(ID_LUHN, now)).toBe(true);
    expect(isValidIdNumber('110105194912310021', now)).toBe(false); // wrong check character
    expect(isValidIdNumber('110105194913310027', now)).toBe(false); // month 13
    expect(isValidIdNumber('110105203001010010', now)).toBe(false); // born in the future
    expect(isValidIdNumber('990105194912310026', now)).toBe(false); // no such province
    expect(isValidIdNumber('1101051949123100', now)).toBe(false);
  });

  it('checks Luhn', () => {
    expect(luhnValid('6222021001123459')).toBe(true);
    expect(luhnValid('6217001234567890122')).toBe(true);
    expect(luhnValid('4367421234567890')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('6222 0210')).toBe(false);
  });

  it('masks each kind, keeping only the agreed digits', () => {
    expect(maskPersonalData('id', '11010519491231002x')).toBe('110105********002X');
    expect(maskPersonalData('mobile', '138 0013 8000')).toBe('138****8000');
    expect(maskPersonalData('card', '6217001234567890122')).toBe('6217***********0122');
  });
});

describe('findPersonalData', () => {
  it('finds IDs, mobiles (also grouped) and cards with a context word or a UnionPay prefix', () => {
    const text = `拟聘用人员：王某某，身份证号 11010519491231002X；联系人李先生，电话 13800138000、139-2345-6789；工资卡号：4367 4212 3456 7896；退费至 6222021001123459；另一人 ${ID_LUHN}。`;
    expect(findPersonalData(text, now).map((m) => [m.kind, m.masked])).toEqual([
      ['id', '110105********002X'],
      ['mobile', '138****8000'],
      ['mobile', '139****6789'],
      ['card', '4367********7896'],
      ['card', '6222********3459'],
      ['id', '440823********1149'],
    ]);
  });

  it('leaves alone what only looks like personal data', () => {
    const text = [
      '联系电话：0759-7712345，传真 0759-7712346',
      '订单编号 213800138000、流水号 138001380001',
      '文号：遂府办〔2025〕12号，网站标识码 4408230002，粤公网安备 44082302000123号',
      '统一社会信用代码 11440823007123456P',
      '项目编码 4367421234567896（无卡号字样，非银联号段）',
      '身份证号码 110105194912310021（校验位错误）',
      '已脱敏：110105********002X、138****8000',
      '发布时间：2025-03-12 10:20:31',
    ].join('\n');
    expect(findPersonalData(text, now)).toEqual([]);
  });

  it('masks in place, keeping every other character where it was', () => {
    const text = '电话13800138000，身份证11010519491231002X。';
    const masked = maskAll(text, now);
    expect(masked).toBe('电话138****8000，身份证110105********002X。');
    expect(masked).toHaveLength(text.length);
  });
});

describe('contextAround', () => {
  it('takes a whole number at an edge, or leaves out one too long to take, and stays on the line', () => {
    expect(contextAround('电话138****8000，地址某某路', 0, 2, 6)).toBe('电话138****8000');
    expect(contextAround(`编号${'1'.repeat(40)}错字`, 42, 44, 5)).toBe('错字');
    expect(contextAround('上一段\n本段有错字在此\n下一段', 7, 9, 10)).toBe('本段有错字在此');
  });
});

describe('detectPersonalData', () => {
  it('counts pages with a leak and shows only masked numbers in context', () => {
    const pages = [
      page('/tzgg/1.html', '请各镇（街道）做好参保缴费组织工作。联系人：李先生，电话 13800138000。'),
      page('/tzgg/2.html', '拟聘用人员：王某某，身份证号 11010519491231002X；张某某，身份证号 440823198506121149。'),
      page('/tzgg/3.html', '联系电话：0759-7712345。'),
    ];
    const [obs, ...rest] = detectPersonalData(pages, now);
    expect(rest).toEqual([]);
    expect([obs!.detect, obs!.count, obs!.summary]).toEqual([
      'content.pii',
      2,
      '2 个页面含未脱敏的个人信息（身份证号码 2 处、手机号码 1 处）',
    ]);
    expect(obs!.items).toEqual([
      {
        url: `${site}/tzgg/1.html`,
        text: '系人：李先生，电话 138****8000。',
        reason: '未脱敏的手机号码：138****8000',
        selector: '#zoom p:nth-of-type(1)',
      },
      {
        url: `${site}/tzgg/2.html`,
        text: '：王某某，身份证号 110105********002X；张某某，身份证号',
        reason: '未脱敏的身份证号码：110105********002X',
        selector: '#zoom p:nth-of-type(1)',
      },
      {
        url: `${site}/tzgg/2.html`,
        text: '；张某某，身份证号 440823********1149。',
        reason: '未脱敏的身份证号码：440823********1149',
        selector: '#zoom p:nth-of-type(1)',
      },
    ]);
    const json = JSON.stringify(obs);
    for (const raw of ['13800138000', '11010519491231002X', ID_LUHN, '0013', '1949123']) expect(json).not.toContain(raw);
  });

  it('reads only visible text: scripts, attributes and comments do not count', () => {
    const html = govPage({
      body: `<script>var hotline = "13800138000";</script><!-- 身份证 11010519491231002X --><input type="hidden" name="tel" value="13800138000"><a href="tel:13800138000" data-id="11010519491231002X">拨打热线</a>`,
    });
    expect(detectPersonalData([crawled(`${site}/hdjl/`, html, 'column')], now)).toEqual([]);
  });

  it('keeps at most 50 items while counting every page', () => {
    const mobiles = Array.from({ length: 30 }, (_, i) => `联系人${i}：1390000${String(1000 + i)}`).join('；');
    const pages = [page('/a/1.html', mobiles), page('/a/2.html', mobiles)];
    const [obs] = detectPersonalData(pages, now);
    expect(obs!.count).toBe(2);
    expect(obs!.summary).toContain('手机号码 60 处');
    expect(obs!.items).toHaveLength(50);
  });
});
