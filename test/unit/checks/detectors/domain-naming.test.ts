import { describe, expect, it } from 'vitest';
import { checkDomainNaming, isLoopbackHost, type SiteKind } from '../../../../electron/services/checks/detectors/domain-naming';
import { isKaopingError } from '../../../../shared/errors';

const PORTAL = '政府门户网站应使用“www.XXX.gov.cn”结构的域名';
const DEPARTMENT = '部门网站应使用本级政府门户网站的下级域名（“AAA.XXX.gov.cn”结构）';
const SUFFIX = '域名未以 .gov.cn 或 .政务 结尾';
const IP = '使用 IP 地址访问，未使用 .gov.cn 或 .政务 域名';

describe('checkDomainNaming', () => {
  it.each<[string, SiteKind, string | null]>([
    ['http://www.zhanjiang.gov.cn/', 'portal', null],
    ['https://www.suixi.gov.cn/zwgk/', 'portal', null],
    ['http://www.gov.cn/', 'portal', null],
    ['http://www.gd.gov.cn.', 'portal', null],
    ['http://zhanjiang.gov.cn/', 'portal', PORTAL],
    ['http://zwgk.zhanjiang.gov.cn/', 'portal', PORTAL],
    ['http://www.zhanjiang.com.cn/', 'portal', SUFFIX],
    ['http://jyj.zhanjiang.gov.cn/', 'department', null],
    ['http://slj.bd.gov.cn/', 'department', null],
    ['http://www.zjjy.gov.cn/', 'department', DEPARTMENT],
    ['http://zjjyj.gov.cn/', 'department', DEPARTMENT],
    ['http://www.zjjy.net/', 'department', SUFFIX],
    ['http://湛江市人民政府.政务/', 'portal', null],
    ['http://www.zhanjiang.gov.cn.cn/', 'unknown', SUFFIX],
    ['http://gov.cn.example.com/', 'unknown', SUFFIX],
    ['http://anything.gov.cn/', 'unknown', null],
    ['http://202.105.10.33/', 'unknown', IP],
    ['http://[2400:da00::dbf:0:100]/', 'portal', IP],
  ])('%s as %s', (url, kind, problem) => {
    const { observations, notes } = checkDomainNaming(url, kind);
    expect(observations.map((o) => o.items[0]!.reason)).toEqual(problem ? [problem] : []);
    expect(notes.length).toBe(problem ? 0 : 1);
    if (problem) expect(observations[0]).toMatchObject({ detect: 'domain.naming', count: 1 });
  });

  it('names the host in Chinese form and cites the notice', () => {
    const [obs] = checkDomainNaming('http://www.zhanjiang.com.cn/index.html', 'portal').observations;
    expect(obs).toEqual({
      detect: 'domain.naming',
      count: 1,
      summary: '域名 www.zhanjiang.com.cn 不符合规范：域名未以 .gov.cn 或 .政务 结尾（国办函〔2018〕55号）',
      items: [{ url: 'http://www.zhanjiang.com.cn/index.html', text: 'www.zhanjiang.com.cn', reason: SUFFIX }],
    });
    expect(checkDomainNaming('http://湛江市人民政府.政务/', 'portal').notes[0]!.text).toBe('域名 湛江市人民政府.政务 符合命名规范');
    expect(checkDomainNaming('http://a.gov.cn/', 'unknown').notes[0]!.text).toBe(
      '域名 a.gov.cn 符合命名规范（未指定网站类型，只检查了后缀）',
    );
  });

  it('skips loopback hosts with a note, whatever the kind', () => {
    for (const url of [
      'http://127.0.0.1:41234/',
      'http://localhost:3000/',
      'http://[::1]:8080/',
      'http://127.8.9.10/',
      'http://site.localhost/',
    ]) {
      expect(checkDomainNaming(url, 'portal'), url).toEqual({
        observations: [],
        notes: [{ check: 'domain', text: '本机回环地址，跳过域名检查', ok: true }],
      });
    }
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('localhost.gov.cn')).toBe(false);
  });

  it('refuses a URL it cannot read, in Chinese', () => {
    try {
      checkDomainNaming('www.zhanjiang.gov.cn', 'portal');
      expect.unreachable();
    } catch (error) {
      expect(isKaopingError(error) && error.message).toBe('网址无效，无法检查域名：www.zhanjiang.gov.cn');
    }
  });
});
