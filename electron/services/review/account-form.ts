import { KaopingError } from '../../../shared/errors';
import type { DetectId } from '../../../shared/checks/detects';
import type { Target } from '../../../shared/domain/types';
import type { AccountFormField, AccountFormView } from '../../../shared/api/review';
import { suggestionsFor, type Suggestion } from '../checks/suggest';
import type { Observation } from '../checks/types';
import type { AssessmentStore } from '../store/types';

type Answers = AccountFormView['answers'];

interface FieldSpec extends Omit<AccountFormField, 'scoredAs'> {
  detect?: DetectId;
  /** The observation an answer makes, or null when the answer shows no problem. */
  observe?: (value: Answers[string], answers: Answers, today: Date) => { count: number; summary: string } | null;
}

const DAY = 86_400_000;
const text = (v: Answers[string]) => (typeof v === 'string' ? v.trim() : '');
const problemText = (label: string) => (v: Answers[string]) => (text(v) ? { count: 1, summary: `${label}：${text(v)}` } : null);

/** What reviewers check by hand on the platforms, one question each. */
const FIELDS: FieldSpec[] = [
  {
    key: 'lastUpdate',
    label: '最近一次更新日期',
    type: 'date',
    hint: '在平台上查看账号最新一条内容的发布日期；2 周内无更新为单项否决',
    detect: 'account.stale',
    observe: (v, _a, today) => {
      if (typeof v !== 'string' || !v) return null;
      const d = Date.parse(`${v}T00:00:00+08:00`);
      if (Number.isNaN(d)) throw new KaopingError('bad-date', `最近一次更新日期无效：${v}`);
      const days = Math.floor((today.getTime() - d) / DAY);
      return days > 14 ? { count: 1, summary: `最近一次更新为 ${v}，已 ${days} 天未更新` } : null;
    },
  },
  { key: 'serviceAccount', label: '服务号', type: 'boolean', hint: '微信服务号等服务类账号（方案规定服务号不考核每周更新的，不计该项）' },
  { key: 'weeksSampled', label: '抽查周数', type: 'count', hint: '抽查了多少周的更新情况' },
  {
    key: 'weeksWithoutUpdate',
    label: '其中更新少于 1 次的周数',
    type: 'count',
    hint: '每发现一周计一次',
    detect: 'account.weekly',
    observe: (v, a) => {
      const n = typeof v === 'number' ? v : 0;
      const sampled = typeof a.weeksSampled === 'number' ? a.weeksSampled : undefined;
      if (sampled !== undefined && n > sampled) throw new KaopingError('bad-count', `未更新的周数（${n}）多于抽查周数（${sampled}）`);
      return n > 0 ? { count: n, summary: `抽查${sampled ? ` ${sampled} 周中` : ''}有 ${n} 周更新少于 1 次` } : null;
    },
  },
  {
    key: 'hasInteraction',
    label: '有有效互动功能',
    type: 'boolean',
    hint: '留言、私信、咨询入口等可用',
    detect: 'account.no-interaction',
    observe: (v) => (v === false ? { count: 1, summary: '未提供有效互动功能' } : null),
  },
  {
    key: 'certificationOk',
    label: '认证信息标明主办单位',
    type: 'boolean',
    hint: '公开认证信息中写明主办单位名称',
    detect: 'account.certification',
    observe: (v) => (v === false ? { count: 1, summary: '认证信息未标明主办单位名称' } : null),
  },
  {
    key: 'namingOk',
    label: '名称与主办单位职责相关',
    type: 'boolean',
    hint: '账号名称与主办单位工作职责关联',
    detect: 'account.naming',
    observe: (v) => (v === false ? { count: 1, summary: '账号名称与主办单位工作职责不关联' } : null),
  },
  {
    key: 'contentIssues',
    label: '不当内容',
    type: 'text',
    hint: '雷人雷语、娱乐追星、失真信息、商业广告、随意转帖等；写明日期与标题',
    detect: 'account.content',
    observe: problemText('发布不当内容'),
  },
  {
    key: 'commentIssues',
    label: '留言区不当言论',
    type: 'text',
    hint: '留言区出现的不当言论',
    detect: 'account.comments',
    observe: problemText('留言区出现不当言论'),
  },
  {
    key: 'responseIssues',
    label: '互动回应问题',
    type: 'text',
    hint: '主观泄愤、回怼网民、回复出现专业性错误',
    detect: 'account.responses',
    observe: problemText('互动回应不当'),
  },
  {
    key: 'followIssues',
    label: '关注的无关对象',
    type: 'text',
    hint: '娱乐明星、商业财经等与政务无关的关注对象',
    detect: 'account.follows',
    observe: problemText('关注与政务无关的对象'),
  },
];

/** Where the form records problems: `form:<account id>:<observation>` marks its findings. */
const sourceOf = (accountId: number, detect: string) => `form:${accountId}:${detect}`;

function observedAccount(account: Target, answers: Answers): Target {
  return { ...account, attributes: { ...account.attributes, serviceAccount: answers.serviceAccount === true } };
}

function describe(s: Suggestion, account: Target): string {
  return `${s.indicator} 第${s.rule}条（${s.targetId === account.id ? '本账号' : `计入${s.target}`}）`;
}

/** The form of one account: each question with where the ruleset scores it, and the saved answers. */
export function accountForm(store: AssessmentStore, targetId: number): AccountFormView {
  const account = requireAccount(store, targetId);
  const ruleset = store.rulesetSnapshot();
  const everyone = store.listTargets();
  const saved = store.getAccountReview(targetId);
  const scoredAs = (detect: DetectId) =>
    suggestionsFor(ruleset, observedAccount(account, {}), [{ detect, count: 1, summary: '', items: [] }], everyone).map((s) =>
      describe(s, account),
    );
  const fields = FIELDS.map(({ key, label, type, hint, detect }) => ({ key, label, type, hint, scoredAs: detect ? scoredAs(detect) : [] }));
  // Questions the ruleset does not score are left out; the weekly-update helpers go with their question.
  const weekly = fields.some((f) => f.key === 'weeksWithoutUpdate' && f.scoredAs.length > 0);
  return {
    targetId,
    fields: fields.filter((f) => f.scoredAs.length > 0 || ((f.key === 'weeksSampled' || f.key === 'serviceAccount') && weekly)),
    answers: (saved?.answers as Answers | undefined) ?? {},
    updatedAt: saved?.updatedAt ?? null,
  };
}

/**
 * Saves the form: every answer that shows a problem becomes a confirmed finding
 * (the reviewer saw it) on the rule the ruleset names, with the screenshots
 * attached to that question; a problem no longer reported is withdrawn with a
 * logged reason. One transaction.
 */
export function saveAccountForm(store: AssessmentStore, targetId: number, answers: Answers, today: Date): AccountFormView {
  const account = requireAccount(store, targetId);
  const ruleset = store.rulesetSnapshot();
  const everyone = store.listTargets();
  const observations: Observation[] = [];
  for (const f of FIELDS) {
    const seen = f.detect && f.observe?.(answers[f.key] ?? null, answers, today);
    if (!seen || !f.detect) continue;
    const evidence = answers[`${f.key}:evidence`];
    observations.push({
      detect: f.detect,
      count: seen.count,
      summary: seen.summary,
      items: Array.isArray(evidence) ? evidence.map((id) => ({ url: account.url ?? '', reason: `证据 #${id}` })) : [],
    });
  }
  const suggestions = suggestionsFor(ruleset, observedAccount(account, answers), observations, everyone);
  store.transaction(() => {
    const mine = store.listFindings().filter((f) => f.source?.startsWith(`form:${targetId}:`) && f.status !== 'dismissed');
    const kept = new Set<number>();
    for (const s of suggestions) {
      const source = sourceOf(targetId, s.check);
      const evidenceIds = (answers[`${FIELDS.find((f) => f.detect === s.check)!.key}:evidence`] as number[] | undefined) ?? [];
      const existing = mine.find(
        (f) => f.source === source && f.targetId === s.targetId && f.indicatorId === s.indicatorId && f.rule === s.rule,
      );
      if (existing) {
        kept.add(existing.id);
        if (existing.count !== s.count || existing.note !== s.summary)
          store.updateFinding(existing.id, { count: s.count, note: s.summary }, '修改新媒体检查表');
        for (const e of evidenceIds) store.linkEvidence(existing.id, e);
      } else {
        store.addFinding({
          targetId: s.targetId,
          indicatorId: s.indicatorId,
          rule: s.rule,
          count: s.count,
          note: s.summary,
          status: 'confirmed',
          source,
          evidenceIds,
        });
      }
    }
    for (const f of mine) if (!kept.has(f.id)) store.deleteFinding(f.id, '修改新媒体检查表：该问题已不存在');
    store.putAccountReview(targetId, answers);
  });
  return accountForm(store, targetId);
}

function requireAccount(store: AssessmentStore, targetId: number): Target {
  const t = store.getTarget(targetId);
  if (t.kind !== 'account') throw new KaopingError('not-account', `“${t.name}”不是政务新媒体账号`);
  return t;
}
