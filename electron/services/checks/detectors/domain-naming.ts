import { domainToUnicode } from 'node:url';
import { KaopingError } from '../../../../shared/errors';
import type { DetectorResult } from './common';

/** What kind of site the domain belongs to: a government portal, a department's site, or not known. */
export type SiteKind = 'portal' | 'department' | 'unknown';

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/u;
// `.政务` as URL parsing writes it (punycode).
const ZHENGWU = 'xn--zfr164b';
const BASIS = '（国办函〔2018〕55号）';

/** Hosts on this machine: a fixture or a local copy of a site, never the site under review. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/u, '');
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(h) ||
    h === '[::1]' ||
    /^\[::ffff:(?:127\.|7f[0-9a-f]{2}:)/u.test(h)
  );
}

/** Why the host breaks the naming rules for its kind of site, or null when it keeps them. */
function problem(host: string, kind: SiteKind): string | null {
  if (IPV4.test(host) || host.startsWith('[')) return '使用 IP 地址访问，未使用 .gov.cn 或 .政务 域名';
  const labels = host.split('.');
  if (labels[labels.length - 1] === ZHENGWU) return null;
  if (!host.endsWith('.gov.cn')) return '域名未以 .gov.cn 或 .政务 结尾';
  const name = labels.slice(0, -2);
  // www.gov.cn is the State Council's own portal, the one portal without an XXX.
  if (kind === 'portal' && host !== 'www.gov.cn' && name[0] !== 'www') return '政府门户网站应使用“www.XXX.gov.cn”结构的域名';
  if (kind === 'department' && (name.length < 2 || (name[0] === 'www' && name.length === 2)))
    return '部门网站应使用本级政府门户网站的下级域名（“AAA.XXX.gov.cn”结构）';
  return null;
}

/**
 * Domain naming per 国办函〔2018〕55号: a `.gov.cn` or `.政务` host, `www.XXX.gov.cn`
 * for a portal, `AAA.XXX.gov.cn` for a department (国务院部门 portals are
 * 'portal'); an IP address never passes. Loopback hosts are skipped with a note.
 */
export function checkDomainNaming(url: string, kind: SiteKind): DetectorResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new KaopingError('bad-url', `网址无效，无法检查域名：${url}`);
  }
  const host = parsed.hostname.toLowerCase().replace(/\.$/u, '');
  if (isLoopbackHost(host)) return { observations: [], notes: [{ check: 'domain', text: '本机回环地址，跳过域名检查', ok: true }] };
  const shown = host.startsWith('[') ? host : domainToUnicode(host) || host;
  const why = problem(host, kind);
  if (!why) {
    const scope = kind === 'unknown' ? '（未指定网站类型，只检查了后缀）' : '';
    return { observations: [], notes: [{ check: 'domain', text: `域名 ${shown} 符合命名规范${scope}`, ok: true }] };
  }
  return {
    observations: [
      {
        detect: 'domain.naming',
        count: 1,
        summary: `域名 ${shown} 不符合规范：${why}${BASIS}`,
        items: [{ url, text: shown, reason: why }],
      },
    ],
    notes: [],
  };
}
