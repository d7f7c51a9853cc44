/**
 * What an automated check (or a field of the new-media review form) can observe.
 * A ruleset rule lists the observations it scores in `detects`, so which check
 * serves which rule is ruleset data, not code: confirming a suggestion scores
 * exactly the rule that named the observation.
 */
export const DETECTS = {
  // Link availability: count = broken links (once per page they appear on).
  'links.home': '首页链接打不开',
  'links.other': '其他页面链接打不开',
  // Freshness.
  'freshness.home': '首页 2 周未更新',
  'freshness.news': '动态要闻类栏目 2 周未更新',
  'freshness.notice': '通知公告类栏目 6 个月未更新',
  'freshness.policy': '政策文件类栏目 6 个月未更新',
  'freshness.reading': '政策解读类栏目 6 个月未更新',
  /** count = dated columns past their limit (2 weeks or 6 months). */
  'freshness.stale-columns': '动态要闻、通知公告、政策文件类栏目未更新',
  /** count = columns with no item at all. */
  'columns.empty': '空白栏目',
  // Page furniture.
  /** count = identity items missing from the footer of some page. */
  'footer.identity': '页面底部网站标识信息不全',
  'jiucuo.home': '首页底部无“我为政府网站找错”入口',
  /** count = other pages without the entry. */
  'jiucuo.other': '其他页面底部无“我为政府网站找错”入口',
  /** count = sampled article pages without site or content meta tags. */
  'meta.article': '内容页缺少站点或内容标签',
  /** count = sampled column pages without site or column meta tags. */
  'meta.column': '栏目页缺少站点或栏目标签',
  'domain.naming': '域名不符合规范',
  ipv6: '未完成 IPv6 改造',
  https: '未启用 HTTPS 或证书无效',
  'search.missing': '无站内搜索或不可用',
  /** count = sampled titles not on the first page of results. */
  'search.titles': '抽查标题在搜索结果第一页找不到',
  'sitemap.missing': '无站点地图',
  /** count = sitemap links that do not open. */
  'sitemap.links': '站点地图链接打不开',
  'share.missing': '稿件无转载分享功能',
  // Content.
  /** count = occurrences of listed wrong or sensitive words. */
  'content.words': '错敏字',
  /** count = pages showing unmasked personal data. */
  'content.pii': '泄露个人隐私信息',
  // Availability monitoring.
  'monitor.unreachable': '站点无法访问（监测失败占比超过 5%）',
  // The new-media review form (reviewer-entered, per account).
  'account.stale': '新媒体 2 周内无更新',
  /** count = sampled weeks with no update. */
  'account.weekly': '新媒体每周更新少于 1 次',
  'account.no-interaction': '新媒体无有效互动功能',
  'account.content': '新媒体发布不当内容',
  'account.comments': '新媒体留言区出现不当言论',
  'account.responses': '新媒体互动回应不当',
  'account.follows': '新媒体关注无关对象',
  'account.certification': '新媒体认证信息未标明主办单位',
  'account.naming': '新媒体名称与职责不关联',
} as const;

export type DetectId = keyof typeof DETECTS;

export const DETECT_IDS = Object.keys(DETECTS) as DetectId[];

/**
 * How a rule names an observation: the id alone, or with a threshold
 * (`atLeast`: the rule applies only from that count on — "累计超过（含）5个")
 * and an exemption (`unless`: an attribute of the observed target that exempts
 * it — "服务号不考核该指标" is `unless: "serviceAccount"`), and the detector's
 * reading of an ambiguous rule (`options`).
 */
export type DetectSpec = DetectId | { check: DetectId; atLeast?: number; unless?: string; options?: DetectOptions };

/**
 * How the ruleset reads a detection where the rules are open to reading, e.g.
 * `{ "contactLink": true }` on `footer.identity`: a "联系我们" link counts as 联系方式.
 */
export type DetectOptions = Record<string, boolean | number | string>;

export function detectId(spec: DetectSpec): DetectId {
  return typeof spec === 'string' ? spec : spec.check;
}

/** Whether the rule scores this observation: count reaches the threshold and no exemption holds. */
export function detectMatches(spec: DetectSpec, count: number, attributes: Record<string, boolean>): boolean {
  if (typeof spec === 'string') return count >= 1;
  return count >= (spec.atLeast ?? 1) && !(spec.unless && attributes[spec.unless] === true);
}
