/**
 * What the demo does as a reviewer would, written down as data: the targets it
 * assesses, why it confirms each kind of suggestion, the two findings it
 * records by hand, the new-media form it fills in and the self-evaluation the
 * county sends back. run-demo.ts carries it out.
 */
import type { NewTarget } from '../../../shared/domain/types';

/** The annual assessment run in year Y reviews year Y − 1. */
export function demoAssessment(now: Date) {
  const year = now.getFullYear() - 1;
  return { name: `南岭市${year}年度政府网站与政务新媒体考评`, year, region: '南岭市', issuer: '南岭市人民政府办公室' };
}

/** The accounts of the demo (the sample sites are the two websites). */
export const DEMO_ACCOUNTS: Omit<NewTarget, 'url' | 'classId' | 'attributes' | 'kind'>[] = [
  { unit: '南岭县人民政府', name: '南岭发布', platform: '微信', identifier: '440823M001WX0001' },
  { unit: '南岭县人民政府', name: '南岭发布', platform: '新浪微博', identifier: '440823M001XL0001' },
  { unit: '南岭市教育局', name: '南岭教育', platform: '微信', identifier: '440800M012WX0001' },
  { unit: '南岭市教育局', name: '南岭教育', platform: '抖音', identifier: '440800M012DY0001' },
];

/** Why a reviewer confirms each kind of suggestion after looking at its evidence. */
export const CONFIRM_REASONS: Record<string, string> = {
  'links.home': '逐条打开清单中的链接，均返回 404',
  'links.other': '打开清单中的附件链接，返回 404',
  'freshness.notice': '栏目页最新一条信息的日期超过 6 个月',
  'freshness.news': '栏目页最新一条信息的日期超过 2 周',
  'columns.empty': '栏目页没有任何信息',
  'content.words': '“中华人民共合国”是明显的错字',
  'footer.identity': '页面底部确实没有网站标识码',
  'jiucuo.other': '非首页底部确实没有“我为政府网站找错”入口',
  'meta.article': '页面源码中确实缺少 SiteIDCode 标签',
  'meta.column': '页面源码中确实缺少 SiteIDCode 标签',
  'search.titles': '手工用同一标题检索，搜索结果第一页确实没有',
  'search.missing': '站内搜索提交后返回 404，无法使用',
  'sitemap.missing': '首页与常用地址均没有站点地图',
};

/** The two findings the demo records by hand, each with a screenshot it captures. */
export const MANUAL_FINDINGS = [
  {
    site: 'county',
    path: '/zcjd/1.html',
    indicatorId: 'basic.publish.readings',
    rule: 3,
    mode: 'fullpage' as const,
    note: '《南岭县促进民营经济发展若干措施》解读稿仅有文字，无图表、音视频等形式',
  },
  {
    site: 'department',
    path: '/',
    indicatorId: 'basic.publish.leaders',
    rule: 1,
    mode: 'visible' as const,
    note: '网站导航与首页均无领导信息类栏目',
  },
];

/** The form for the education bureau's WeChat account: last post 20 days ago, one quiet week in four. */
export const ACCOUNT_FORM = {
  unit: '南岭市教育局',
  platform: '微信',
  lastUpdateDaysAgo: 20,
  answers: { weeksSampled: 4, weeksWithoutUpdate: 1, hasInteraction: true, certificationOk: true, namingOk: true, serviceAccount: false },
};

/** The county's self-evaluation: full marks claimed everywhere, with two explanations. */
export const SELF_EVALUATION = {
  unit: '南岭县人民政府',
  explanations: { 可用性: '首页链接均可正常打开', 通知公告: '通知公告栏目按时更新' } as Record<string, string>,
};

/**
 * The review round for the county (seed 000 四（四）): it disputes two deductions
 * two working days after receiving its preliminary result. The 404 links are on
 * its screenshots, so that dispute is rejected; its attachment shows the policy
 * reading does have a chart version, so that deduction is withdrawn.
 */
export const REVIEW_ROUND = {
  unit: '南岭县人民政府',
  receivedOnWorkingDay: 2,
  reason: '首页链接均可正常打开；《南岭县促进民营经济发展若干措施》已发布图解版解读，见附件',
  attachment: {
    name: '图解版解读截图说明.txt',
    text: '《南岭县促进民营经济发展若干措施》图解版解读已于同日在“政策解读”栏目发布，附页面地址与发布日期。',
  },
  decisions: [
    {
      indicatorId: 'basic.health.availability',
      decision: 'rejected' as const,
      reason: '证据截图显示所列链接在取证时返回 404，单位未提供取证时可访问的证明',
    },
    { indicatorId: 'basic.publish.readings', decision: 'accepted' as const, reason: '核实单位附件，该政策已有图解版解读，原扣分撤回' },
  ],
};
