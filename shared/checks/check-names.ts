/**
 * The automated checks a run can include (`kaoping check --only …`, the UI's
 * picker), each with what it looks at. One crawl feeds the page-based ones.
 */
export const CHECKS = {
  links: '链接可用性（首页与其他页面分别计数）',
  freshness: '首页与栏目更新（2 周、6 个月）、空白栏目',
  footer: '页面底部网站标识、“我为政府网站找错”入口',
  meta: '页面元数据标签（站点、栏目、内容标签）',
  content: '错敏字与个人隐私信息泄露',
  domain: '域名规范',
  https: 'HTTPS 与证书有效性',
  ipv6: 'IPv6（AAAA 记录与实际访问）',
  search: '站内搜索（抽查标题）',
  sitemap: '站点地图及其链接',
  share: '稿件转载分享功能',
} as const;

export type CheckName = keyof typeof CHECKS;

export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[];

export function isCheckName(name: string): name is CheckName {
  return Object.prototype.hasOwnProperty.call(CHECKS, name);
}

/** The check that makes each observation (account.* come from the review form, monitor.* from monitoring). */
export function checkOf(detect: string): CheckName | 'form' | 'monitor' {
  const head = detect.split('.')[0]!;
  const byHead: Record<string, CheckName | 'form' | 'monitor'> = {
    links: 'links',
    freshness: 'freshness',
    columns: 'freshness',
    footer: 'footer',
    jiucuo: 'footer',
    meta: 'meta',
    content: 'content',
    domain: 'domain',
    https: 'https',
    ipv6: 'ipv6',
    search: 'search',
    sitemap: 'sitemap',
    share: 'share',
    account: 'form',
    monitor: 'monitor',
  };
  return byHead[head] ?? 'form';
}
