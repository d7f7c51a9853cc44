import type { RuleKind, TieRule } from './types';

/** Rule kinds in the words of the 评分细则 (editor, version diff). */
export const RULE_KIND_NAMES: Record<RuleKind, string> = {
  veto: '单项否决',
  fixed: '扣固定分',
  'per-occurrence': '每处扣分',
  zero: '此项不得分',
  percent: '扣权重百分比',
  'fixed-bonus': '加固定分',
  'per-occurrence-bonus': '每项加分',
  'tiered-bonus': '分档加分',
};

export const TIE_RULE_NAMES: Record<TieRule, string> = {
  sequential: '同分按名单顺序依次排名（1、2、3）',
  shared: '同分并列（1、1、3）',
};
