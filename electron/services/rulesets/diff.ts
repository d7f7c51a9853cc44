import { DETECTS, detectId, type DetectSpec } from '../../../shared/checks/detects';
import type { GradeBand } from '../../../shared/domain/types';
import { gradeGroups } from '../../../shared/ruleset/check-scoring';
import { RULE_KIND_NAMES, TIE_RULE_NAMES } from '../../../shared/ruleset/names';
import { DETECT_OPTIONS, KNOWN_EXEMPTIONS } from '../../../shared/ruleset/detect-options';
import type { Applicability, Indicator, Rule, Ruleset } from '../../../shared/ruleset/types';
import type { RulesetChange } from '../../../shared/api/views';

export type { RulesetChange };

interface Node {
  where: string;
  /** Part and section maximum or indicator weight. */
  points: number;
  name: string;
  appliesTo?: Applicability;
  note?: string;
  rules?: Rule[];
  children: number;
}

function nodesOf(r: Ruleset): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const part of r.parts) {
    out.set(part.id, { where: part.name, points: part.max, name: part.name, appliesTo: part.appliesTo, children: part.sections.length });
    for (const section of part.sections) {
      const head = part.kind === 'veto' ? `${part.name}/${section.name}` : section.name;
      out.set(section.id, {
        where: head,
        points: section.max,
        name: section.name,
        appliesTo: section.appliesTo,
        children: section.indicators.length,
      });
      const visit = (ind: Indicator, prefix: string) => {
        const where = `${prefix}/${ind.name}`;
        out.set(ind.id, {
          where,
          points: ind.weight,
          name: ind.name,
          appliesTo: ind.appliesTo,
          note: ind.note,
          rules: ind.rules,
          children: ind.children?.length ?? 0,
        });
        ind.children?.forEach((c) => visit(c, where));
      };
      section.indicators.forEach((i) => visit(i, head));
    }
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const clip = (text: string, n = 40) => (text.length > n ? `${text.slice(0, n)}…` : text);

function scopeText(r: Ruleset, s: Applicability | undefined): string {
  if (!s || (!s.kinds && !s.classes && !s.attributes)) return '全部对象';
  const parts: string[] = [];
  if (s.kinds) parts.push(s.kinds.map((k) => (k === 'website' ? '网站' : '政务新媒体')).join('、'));
  if (s.classes) parts.push(s.classes.map((id) => r.classes.find((c) => c.id === id)?.label ?? id).join('、'));
  if (s.attributes)
    parts.push(
      Object.entries(s.attributes)
        .map(([k, v]) => `${k}=${v ? '是' : '否'}`)
        .join('、'),
    );
  return parts.join('；');
}

function ruleScore(rule: Rule): string {
  const kind = RULE_KIND_NAMES[rule.kind];
  if (rule.kind === 'percent') return `${kind} ${rule.percent}%${rule.perOccurrence ? '（每次）' : ''}`;
  if (rule.kind === 'tiered-bonus') return `${kind} ${(rule.tiers ?? []).map((t) => `${t.min}项及以上${t.points}分`).join('、')}`;
  if (rule.points !== undefined) return `${kind} ${rule.points} 分`;
  return kind;
}

function detectText(specs: DetectSpec[] | undefined): string {
  if (!specs?.length) return '无';
  return specs
    .map((s) => {
      if (typeof s === 'string') return DETECTS[s];
      const extra = [
        s.atLeast ? `${s.atLeast} 处起` : '',
        s.unless ? `${KNOWN_EXEMPTIONS.find((e) => e.key === s.unless)?.label ?? s.unless}时不计` : '',
        ...Object.entries(s.options ?? {}).map(([k, v]) => {
          const label = DETECT_OPTIONS[s.check]?.find((o) => o.key === k)?.label ?? k;
          return v === true ? label : v === false ? `${label}：否` : `${label}：${String(v)}`;
        }),
      ].filter(Boolean);
      return `${DETECTS[detectId(s)]}${extra.length ? `（${extra.join('，')}）` : ''}`;
    })
    .join('、');
}

/** What changed in one rule, field by field; empty when nothing did. */
function ruleChanges(a: Rule, b: Rule): string[] {
  const out: string[] = [];
  if (ruleScore(a) !== ruleScore(b)) out.push(`${ruleScore(a)} → ${ruleScore(b)}`);
  if (a.cap !== b.cap) out.push(`单条上限 ${a.cap ?? '无'} → ${b.cap ?? '无'}`);
  if (a.text !== b.text) out.push(`文字改为“${clip(b.text)}”`);
  if (a.problem !== b.problem) out.push(`问题短语 ${a.problem ? `“${a.problem}”` : '无'} → ${b.problem ? `“${b.problem}”` : '无'}`);
  if (!same(a.detects, b.detects)) out.push(`自动检查 ${detectText(a.detects)} → ${detectText(b.detects)}`);
  return out;
}

function rulesChanges(a: Rule[], b: Rule[]): string[] {
  const out: string[] = [];
  for (const rule of b) {
    const old = a.find((x) => x.n === rule.n);
    if (!old) out.push(`新增第${rule.n}条（${ruleScore(rule)}）：“${clip(rule.text)}”`);
    else {
      const changes = ruleChanges(old, rule);
      if (changes.length) out.push(`第${rule.n}条：${changes.join('，')}`);
    }
  }
  for (const rule of a) if (!b.some((x) => x.n === rule.n)) out.push(`删除第${rule.n}条（${ruleScore(rule)}）：“${clip(rule.text)}”`);
  return out;
}

const bandsText = (bands: GradeBand[] | undefined) => (bands?.length ? bands.map((b) => `${b.name}≥${b.min}`).join('、') : '无');

/**
 * The changes from `a` to `b` (two versions of one ruleset), by indicator and rule
 * in the scheme's order, then classes, transfers, grade lines and the other
 * settings. Nodes are matched by id, rules by number.
 */
export function diffRulesets(a: Ruleset, b: Ruleset): RulesetChange[] {
  const out: RulesetChange[] = [];
  const before = nodesOf(a);
  const after = nodesOf(b);
  for (const [id, node] of after) {
    const old = before.get(id);
    if (!old) {
      const rules = node.rules?.length ? `，${node.rules.length} 条评分细则` : '';
      out.push({ change: 'added', where: node.where, text: `新增（${node.points} 分${rules}）` });
      continue;
    }
    const texts: string[] = [];
    if (old.name !== node.name) texts.push(`名称“${old.name}”→“${node.name}”`);
    if (old.points !== node.points) texts.push(`分值 ${old.points} → ${node.points}`);
    if (!same(old.appliesTo, node.appliesTo)) texts.push(`适用范围 ${scopeText(a, old.appliesTo)} → ${scopeText(b, node.appliesTo)}`);
    if ((old.note ?? '') !== (node.note ?? '')) texts.push(node.note ? `备注改为“${clip(node.note)}”` : '删除备注');
    texts.push(...rulesChanges(old.rules ?? [], node.rules ?? []));
    if (texts.length) out.push({ change: 'changed', where: node.where, text: texts.join('；') });
  }
  for (const [id, node] of before)
    if (!after.has(id)) out.push({ change: 'removed', where: node.where, text: `删除（${node.points} 分）` });

  for (const c of b.classes) {
    const old = a.classes.find((x) => x.id === c.id);
    if (!old) out.push({ change: 'added', where: '考评对象类别', text: `新增 ${c.label}（${c.name}）` });
    else if (!same(old, c))
      out.push({
        change: 'changed',
        where: `考评对象类别 ${old.label}`,
        text: `改为 ${c.label}（${c.name}，${c.kind === 'website' ? '网站' : '政务新媒体'}）`,
      });
  }
  for (const c of a.classes)
    if (!b.classes.some((x) => x.id === c.id)) out.push({ change: 'removed', where: '考评对象类别', text: `删除 ${c.label}（${c.name}）` });

  const transferText = (r: Ruleset, t: Ruleset['transfers'][number]) =>
    `${nodesOf(r).get(t.from)?.where ?? t.from} → ${t.to.map((id) => nodesOf(r).get(id)?.where ?? id).join('、')}（${scopeText(r, t.when)}）`;
  for (const t of b.transfers)
    if (!a.transfers.some((x) => same(x, t))) out.push({ change: 'added', where: '权重转移', text: transferText(b, t) });
  for (const t of a.transfers)
    if (!b.transfers.some((x) => same(x, t))) out.push({ change: 'removed', where: '权重转移', text: transferText(a, t) });

  const groupsA = new Map(gradeGroups(a).map((g) => [g.key, g]));
  for (const g of gradeGroups(b)) {
    const old = groupsA.get(g.key);
    if (!old) out.push({ change: 'added', where: `等次分数线（${g.title}）`, text: bandsText(g.bands) });
    else if (!same(old.bands, g.bands))
      out.push({ change: 'changed', where: `等次分数线（${g.title}）`, text: `${bandsText(old.bands)} → ${bandsText(g.bands)}` });
    groupsA.delete(g.key);
  }
  for (const g of groupsA.values())
    out.push({ change: 'removed', where: `等次分数线（${g.title}）`, text: `${bandsText(g.bands)}（改用通用分数线）` });

  const setting = (where: string, x: unknown, y: unknown, show: (v: unknown) => string = (v) => (v === undefined ? '无' : String(v))) => {
    if (!same(x, y)) out.push({ change: 'changed', where, text: `${show(x)} → ${show(y)}` });
  };
  const yesNo = (v: unknown) => (v ? '是' : '否');
  setting('方案名称', a.name, b.name);
  setting('版本', a.version, b.version);
  setting('满分折算', a.normaliseBasic, b.normaliseBasic, yesNo);
  setting('不合格线', a.thresholds.pass, b.thresholds.pass);
  setting('加分门槛', a.thresholds.bonusOnlyAbove, b.thresholds.bonusOnlyAbove);
  setting('不达线等次', a.grades.failName, b.grades.failName);
  setting(
    '同分排名',
    a.ranking?.ties ?? 'sequential',
    b.ranking?.ties ?? 'sequential',
    (v) => TIE_RULE_NAMES[v as 'shared' | 'sequential'],
  );
  setting('政务新媒体计分', a.accountScoring ?? 'scored', b.accountScoring ?? 'scored', (v) =>
    v === 'veto-only' ? '只按单项否决判定' : '按适用的指标计分',
  );
  setting('政务新媒体结果', a.accountResults ?? 'account', b.accountResults ?? 'account', (v) => (v === 'unit' ? '按单位汇总' : '按账号'));
  setting('待决定事项', a.pending?.length ?? 0, b.pending?.length ?? 0, (v) => `${String(v)} 项`);
  return out;
}
