import type { PartKind, Rule } from '../../../../shared/ruleset/types';

/**
 * The standard wordings of 评分细则, parsed into rule kinds. Anything else is not
 * guessed: the caller gets `question` and flags the rule for a person.
 */
export interface ParsedWording {
  rule: Omit<Rule, 'n'>;
  /** Set when a person must decide; the rule is then inert (fixed, 0 points). */
  question?: string;
  /** What was understood, for the import report. */
  understood?: string;
}

/** Full-width digits, points and percent signs as ASCII; everything else kept. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９．％]/gu, (ch) => (ch === '．' ? '.' : ch === '％' ? '%' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const ZERO = /(此项|本项|该项|该指标|本指标|此指标|本项指标|指标项)?[^，。；;]{0,6}不得分/u;
const VETO = /单项否决/u;
const PERCENT_OF_WEIGHT = new RegExp(String.raw`扣(?:该指标|本指标)?权重的?\s*${NUM}\s*%`, 'u');
const PER_PERCENT = new RegExp(String.raw`每[^。；;]{0,20}?扣\s*${NUM}\s*%`, 'u');
const SHARE = new RegExp(String.raw`[，,；;：:]?\s*${NUM}\s*%\s*[。；;.]?\s*$`, 'u');
const PER = new RegExp(String.raw`每[^。；;]{0,40}?扣\s*${NUM}\s*分`, 'u');
const FIXED = new RegExp(String.raw`扣\s*${NUM}\s*分`, 'u');
const BONUS = new RegExp(String.raw`(?:加|得|可得)\s*${NUM}\s*分`, 'u');
const TIER_UP = new RegExp(String.raw`(\d+)\s*(?:项|个)及以上的?[，,]?\s*(?:加|得)\s*${NUM}\s*分`, 'u');
const TIER_RANGE = new RegExp(String.raw`(\d+)\s*(?:至|-|—|~)\s*(\d+)\s*(?:项|个)的?[，,]?\s*(?:加|得)\s*${NUM}\s*分`, 'u');
const CAP = new RegExp(String.raw`最多扣\s*${NUM}\s*分`, 'u');

function count(re: RegExp, text: string): number {
  return text.match(new RegExp(re.source, 'gu'))?.length ?? 0;
}

const inert = (text: string, question: string): ParsedWording => ({ rule: { text, kind: 'fixed', points: 0 }, question });

/**
 * One 评分细则 item (without its number) in a part of `partKind`. Two scoring
 * phrases in one item, a wording of the wrong sign for the part, or no standard
 * phrase at all are questions, never guesses.
 */
export function parseWording(raw: string, partKind: PartKind): ParsedWording {
  const text = raw.trim();
  const t = asciiDigits(text);
  // In the veto table every item is a veto case (the cell ends "…即单项否决").
  if (partKind === 'veto') return { rule: { text, kind: 'veto' }, understood: '单项否决' };
  const zeros = t.match(new RegExp(ZERO.source, 'gu'))?.length ?? 0;
  const phrases = count(FIXED, t) + count(BONUS, t) + zeros + count(PERCENT_OF_WEIGHT, t) + count(PER_PERCENT, t);
  // A trailing "…50%。" counts only where no other phrase is ("每发现一条扣10%。" is one phrase).
  const phrasesAll = phrases === 0 && SHARE.test(t) ? 1 : phrases;
  if (phrasesAll > 1 && !(TIER_UP.test(t) || TIER_RANGE.test(t)))
    return inert(text, '一条细则中有多个计分规定，请拆分为几条或确定计分方式');
  const bonusPart = partKind === 'bonus';
  const cap = CAP.exec(t);
  const withCap = (rule: Omit<Rule, 'n'>): Omit<Rule, 'n'> => (cap ? { ...rule, cap: Number(cap[1]) } : rule);

  if (VETO.test(t)) return { rule: { text, kind: 'veto' }, understood: '单项否决' };
  const tierUp = TIER_UP.exec(t);
  if (tierUp) {
    const tiers = [{ min: Number(tierUp[1]), points: Number(tierUp[2]) }];
    const range = TIER_RANGE.exec(t);
    if (range) tiers.push({ min: Number(range[1]), points: Number(range[3]) });
    tiers.sort((a, b) => a.min - b.min);
    return bonusPart
      ? {
          rule: { text, kind: 'tiered-bonus', tiers },
          understood: `分档加分：${tiers.map((x) => `${x.min}项及以上加${x.points}分`).join('，')}`,
        }
      : inert(text, '加分的写法出现在扣分指标中');
  }
  const perPercent = PER_PERCENT.exec(t) ?? (PERCENT_OF_WEIGHT.test(t) && /每/u.test(t) ? PERCENT_OF_WEIGHT.exec(t) : null);
  if (perPercent)
    return {
      rule: { text, kind: 'percent', percent: Number(perPercent[1]), perOccurrence: true },
      understood: `每次扣权重的 ${perPercent[1]}%`,
    };
  const ofWeight = PERCENT_OF_WEIGHT.exec(t);
  if (ofWeight) return { rule: { text, kind: 'percent', percent: Number(ofWeight[1]) }, understood: `扣权重的 ${ofWeight[1]}%` };
  const share = SHARE.exec(t);
  if (share) {
    if (/只得|得权重/u.test(t)) return inert(text, '按完成程度给部分分值的写法，请确定未做到时扣多少');
    return { rule: { text, kind: 'percent', percent: Number(share[1]) }, understood: `得分项，未做到扣权重的 ${share[1]}%` };
  }
  if (ZERO.test(t)) return bonusPart ? inert(text, '“不得分”出现在加分指标中') : { rule: { text, kind: 'zero' }, understood: '此项不得分' };
  const per = PER.exec(t);
  if (per)
    return bonusPart
      ? inert(text, '扣分的写法出现在加分指标中')
      : {
          rule: withCap({ text, kind: 'per-occurrence', points: Number(per[1]) }),
          understood: `每处扣 ${per[1]} 分，扣完为止（以指标分值为限）`,
        };
  const fixed = FIXED.exec(t);
  if (fixed)
    return bonusPart
      ? inert(text, '扣分的写法出现在加分指标中')
      : { rule: { text, kind: 'fixed', points: Number(fixed[1]) }, understood: `扣 ${fixed[1]} 分` };
  const bonus = BONUS.exec(t);
  if (bonus) {
    if (!bonusPart) return inert(text, '加分的写法出现在扣分指标中');
    const perBonus = /每[^。；;]{0,20}?(?:加|得)/u.test(t);
    return {
      rule: { text, kind: perBonus ? 'per-occurrence-bonus' : 'fixed-bonus', points: Number(bonus[1]) },
      understood: `${perBonus ? '每项' : ''}加 ${bonus[1]} 分`,
    };
  }
  return inert(text, '没有可识别的计分写法（如“扣1分”“每发现一处扣0.2分”“此项不得分”“加2分”“50%”）');
}
