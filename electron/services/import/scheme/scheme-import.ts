import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KaopingError } from '../../../../shared/errors';
import type { Indicator, Part, PendingDecision, Rule, Ruleset, Section } from '../../../../shared/ruleset/types';
import { frac, sum, show, cmp } from '../../../../shared/scoring/fraction';
import { readGrids } from '../read-grid';
import { readDocx, type DocBlock } from './docx-read';
import {
  basisSentences,
  classesFromOption,
  classesFromParagraphs,
  defaultBands,
  gradeNames,
  schemeTitle,
  type FoundClass,
} from './scheme-paragraphs';
import { readTables, type DraftIndicator, type DraftPart } from './scheme-tables';
import { splitRuleText } from './rule-items';
import { asciiDigits, parseWording } from './wording';

/** What the import understood, what it left to a person, and why. */
export interface SchemeImportReport {
  file: string;
  classes: { label: string; name: string; kind: string; declared?: number; from: 'document' | 'option' | 'default' }[];
  parsed: { where: string; text: string; result: string }[];
  decisions: PendingDecision[];
  counts: { parts: number; sections: number; indicators: number; rules: number; flaggedRules: number };
}

export interface SchemeImportOptions {
  id: string;
  name?: string;
  /** `--classes` text for a file with only the table. */
  classes?: string;
}

const TRANSFER = /(权重|分值).{0,12}(转移|分配|并入|计入)|(转移|分配)至/u;
const APPLICABILITY = /不考核|不检查|不适用|不计|不涉及/u;
const SCORING = /扣\s*\d|加\s*\d|得\s*\d|不得分|\d\s*%/u;

/** Reads .docx (tables and paragraphs) or .xlsx (sheets as tables, merged title rows as headings). */
export async function readSchemeFile(file: string): Promise<DocBlock[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.docx') return readDocx(readFileSync(file), path.basename(file));
  if (ext === '.xlsx') {
    const blocks: DocBlock[] = [];
    for (const grid of await readGrids(file)) {
      // Single-text rows before the table are headings and 指标说明 as in Word.
      const firstTable = grid.rows.findIndex((r) => r.some((c) => /评分细则|评分标准/u.test(c.replace(/\s+/gu, ''))));
      for (const row of grid.rows.slice(0, Math.max(firstTable, 0))) {
        const text = [...new Set(row.map((c) => c.trim()).filter(Boolean))].join(' ');
        if (text) blocks.push({ type: 'para', text });
      }
      blocks.push({ type: 'table', rows: grid.rows.slice(Math.max(firstTable, 0)) });
    }
    return blocks;
  }
  throw new KaopingError('scheme-format', `不支持的考评方案文件：${path.basename(file)}（请用 .docx、.xlsx 或考评方案 .json）`);
}

class Builder {
  readonly decisions: PendingDecision[] = [];
  readonly parsed: SchemeImportReport['parsed'] = [];
  private transferNotes: { indicator: Indicator; where: string; note: string; section: Section }[] = [];
  rules = 0;
  flagged = 0;

  decide(d: Omit<PendingDecision, 'id'>): void {
    this.decisions.push({ id: `d${this.decisions.length + 1}`, ...d });
  }

  indicator(draft: DraftIndicator, id: string, where: string, part: Part, section: Section): Indicator {
    const ind: Indicator = { id, name: draft.name, weight: Math.abs(draft.weight ?? 0), rules: [] };
    if (draft.children.length) {
      ind.children = draft.children.map((c, i) => this.indicator(c, `${id}.${i + 1}`, `${where}/${c.name}`, part, section));
      ind.weight = Number(show(sum(ind.children.map((c) => frac(c.weight)))));
      this.parsed.push({ where, text: draft.name, result: `二级指标，含 ${ind.children.length} 个三级指标，分值为其之和 ${ind.weight}` });
      return ind;
    }
    if (part.kind !== 'veto' && draft.weight === null) {
      this.decide({
        topic: 'weight',
        indicatorId: id,
        text: draft.weightText || '（空）',
        reason: `“${where}”没有写分值，暂按 0 分，请填写分值`,
      });
    }
    const split = splitRuleText(draft.ruleText);
    const notes = [...split.preamble, ...split.notes];
    if (draft.explanation) notes.unshift(draft.explanation.replace(/\s+/gu, ' '));
    const add = (text: string, origin: string) => {
      const parsed = parseWording(text, part.kind);
      const rule: Rule = { n: ind.rules.length + 1, ...parsed.rule };
      ind.rules.push(rule);
      this.rules++;
      if (parsed.question) {
        this.flagged++;
        this.decide({ topic: 'rule-kind', indicatorId: id, rule: rule.n, text, reason: parsed.question });
      } else this.parsed.push({ where: `${where} 第${rule.n}条`, text, result: `${parsed.understood}${origin}` });
    };
    for (const item of split.items) add(item, '');
    for (const clause of split.clauses) this.parsed.push({ where, text: clause, result: '说明各条均为单项否决情形' });
    const kept: string[] = [];
    for (const note of notes) {
      const body = note.replace(/^(注|说明|备注)\s*[：:]\s*/u, '');
      if (TRANSFER.test(body)) {
        kept.push(body);
        this.transferNotes.push({ indicator: ind, where, note: body, section });
      } else if (APPLICABILITY.test(body)) {
        kept.push(body);
        this.decide({
          topic: 'applicability',
          indicatorId: id,
          text: body,
          reason: `“${where}”的适用范围：请设置此指标或细则对哪些类别、哪些情形不适用`,
        });
      } else if (SCORING.test(body) && part.kind !== 'veto') {
        add(body, '（写在“注”中的计分规定）');
      } else {
        kept.push(body);
        this.parsed.push({ where, text: body, result: '保留为备注' });
      }
    }
    if (kept.length) ind.note = kept.join('；');
    if (ind.rules.length === 0) {
      this.decide({ topic: 'rule-kind', indicatorId: id, text: draft.ruleText || '（空）', reason: `“${where}”没有评分细则，请补充` });
    }
    return ind;
  }

  /** Transfer notes name their targets in quotes; resolve them now that every indicator exists. */
  resolveTransfers(ruleset: Ruleset): void {
    const all = ruleset.parts.flatMap((p) => p.sections.flatMap((s) => s.indicators.flatMap((i) => [i, ...(i.children ?? [])])));
    for (const t of this.transferNotes) {
      const names = [...t.note.matchAll(/[“"]([^”"]+)[”"]/gu)].map((m) => m[1]!.replace(/指标$/u, ''));
      let to: string[] = [];
      for (const name of names) {
        const hits = all.filter((i) => i.name === name && !i.children?.length && i.id !== t.indicator.id);
        if (hits.length === 1) to.push(hits[0]!.id);
        else {
          // A section name: the other indicators of that section.
          const section = ruleset.parts.flatMap((p) => p.sections).find((s) => s.name === name);
          if (section)
            to = to.concat(
              section.indicators
                .flatMap((i) => (i.children?.length ? i.children : [i]))
                .filter((i) => i.id !== t.indicator.id && !t.indicator.id.startsWith(`${i.id}.`) && !sameGroup(i.id, t.indicator.id))
                .map((i) => i.id),
            );
        }
      }
      this.decide({
        topic: 'transfer',
        indicatorId: t.indicator.id,
        text: t.note,
        reason: to.length
          ? `权重转移：转入的指标已找到，请确认在哪些类别、何种情形下转移（例如无政策文件栏目的市直单位）`
          : `权重转移：原文所说的转入指标未能在表中找到，请指定转入的指标和转移条件`,
        ...(to.length ? { transfer: { from: t.indicator.id, to } } : {}),
      });
    }
  }
}

/** Two 三级 indicators of the same key-area group ("…key-areas.1" and "…key-areas.2") both transfer out. */
function sameGroup(a: string, b: string): boolean {
  return a.slice(0, a.lastIndexOf('.')) === b.slice(0, b.lastIndexOf('.')) && a.split('.').length > 3;
}

function stated(max: number | null, computed: number, where: string, b: Builder): number {
  if (max !== null && cmp(frac(max), frac(computed)) !== 0) {
    b.decide({
      topic: 'weight',
      text: `${where}：表中写 ${max} 分`,
      reason: `“${where}”表中写 ${max} 分，其下指标分值之和为 ${computed} 分；暂按 ${computed} 分，请核对原文`,
    });
  }
  return computed;
}

/**
 * Turns a scheme's own file into a ruleset and an import report. Standard wordings
 * become rule kinds; transfers, other bases, applicability, missing weights and
 * unrecognised wordings become open questions (`pending`) for the editor.
 */
export function buildRuleset(
  blocks: DocBlock[],
  file: string,
  opts: SchemeImportOptions,
): { ruleset: Ruleset; report: SchemeImportReport } {
  const paras = blocks.filter((b): b is Extract<DocBlock, { type: 'para' }> => b.type === 'para').map((b) => asciiDigits(b.text));
  const b = new Builder();
  let classes: FoundClass[];
  let classesFrom: 'document' | 'option' | 'default';
  if (opts.classes) {
    classes = classesFromOption(opts.classes);
    classesFrom = 'option';
  } else {
    classes = classesFromParagraphs(paras);
    classesFrom = 'document';
  }
  const drafts: DraftPart[] = readTables(blocks);
  if (drafts.length === 0)
    throw new KaopingError(
      'scheme-no-table',
      `${path.basename(file)} 中没有找到指标表：需要一张表头含“评分细则”的表（一级指标/二级指标/评分细则/分值，或检查对象/指标/评分细则）`,
    );
  if (classes.length === 0) {
    classesFrom = 'default';
    classes = [{ id: 'all', label: '全部对象', name: '全部考评对象', kind: 'website' }];
    b.decide({
      topic: 'classes',
      text: '（文件中没有“考评对象”一节）',
      reason:
        '文件中没有找到考评对象的分类（如“第一类：……（共 11 个）”），暂设一个类别“全部对象”；请在编辑器中设置类别，或导入时用 --classes',
    });
  }
  const hasVetoAccounts = drafts.some((p) => p.kind === 'veto' && p.sections.some((s) => s.kinds?.includes('account')));
  if (hasVetoAccounts && !classes.some((c) => c.kind === 'account')) {
    b.decide({
      topic: 'classes',
      text: '单项否决指标中有“政务新媒体”',
      reason: '指标表考评政务新媒体，但考评对象中没有找到政务新媒体类别，请补充',
    });
  }
  for (const c of classes.filter((x) => /不承担|无对外服务|没有对外服务/u.test(x.name))) {
    b.decide({
      topic: 'applicability',
      text: `${c.label}：${c.name}`,
      reason: `类别“${c.label}”写明不承担对外服务职能：请确定哪些指标对此类不适用（例如把办事服务类指标设为仅适用于承担对外服务职能的单位）`,
    });
  }

  const parts: Part[] = drafts.map((draft) => {
    const partId = uniqueId(draft.kind, drafts.indexOf(draft), drafts);
    const part: Part = { id: partId, kind: draft.kind, name: draft.name, max: 0, sections: [] };
    part.sections = draft.sections.map((ds, si) => {
      const section: Section = { id: `${partId}.${si + 1}`, name: ds.name, max: 0, indicators: [] };
      if (ds.kinds) section.appliesTo = { kinds: ds.kinds };
      section.indicators = ds.indicators.map((di, ii) =>
        b.indicator(di, `${section.id}.${ii + 1}`, `${part.kind === 'veto' ? '单项否决' : ds.name}/${di.name}`, part, section),
      );
      const computed = Number(show(sum(section.indicators.map((i) => frac(i.weight)))));
      if (draft.kind !== 'veto') {
        if (ds.statedMax.length > 1)
          b.decide({
            topic: 'weight',
            text: `${ds.name}：${ds.statedMax.join(' 与 ')}`,
            reason: `一级指标“${ds.name}”在表中写了不同的分值（${ds.statedMax.join(' 与 ')} 分）；暂按指标分值之和 ${computed} 分，请核对`,
          });
        section.max = ds.statedMax.length === 1 ? stated(ds.statedMax[0]!, computed, ds.name, b) : computed;
      }
      return section;
    });
    if (draft.kind !== 'veto') part.max = stated(draft.statedMax, Number(show(sum(part.sections.map((s) => frac(s.max))))), draft.name, b);
    if (draft.kind !== 'veto' && classes.some((c) => c.kind === 'account')) {
      b.decide({
        topic: 'applicability',
        text: draft.name,
        reason: `“${draft.name}”是否也用于政务新媒体账号？（有的方案只按单项否决考评账号，其余指标只考评网站）请设置适用对象`,
      });
    }
    return part;
  });

  const names = gradeNames(paras);
  const { bands, failName } = defaultBands(names);
  const ruleset: Ruleset = {
    id: opts.id,
    name: opts.name ?? schemeTitle(paras) ?? path.basename(file, path.extname(file)),
    version: /20\d\d/u.exec(opts.name ?? schemeTitle(paras) ?? '')?.[0] ?? '1',
    source: `${path.basename(file)}（导入）`,
    classes: classes.map(({ declared: _d, ...c }) => c),
    parts,
    transfers: [],
    normaliseBasic: false,
    thresholds: {},
    grades: {
      bands,
      failName,
      configurable: true,
      note: names.length
        ? `方案只规定分为${names.join('、')}等次，未给出分数线；${bands.map((x) => x.min).join('/')} 为默认值，可在每次考评中修改。`
        : '方案未规定等次；90/80/60 为默认值，可在每次考评中修改。',
    },
  };
  b.resolveTransfers(ruleset);
  for (const sentence of basisSentences(paras)) {
    b.decide({
      topic: 'basis',
      text: sentence,
      reason:
        '满分折算：原文对部分单位以低于 100 分为满分再折算。请确认是否按适用指标的满分等比折算（normaliseBasic），并为相应指标设置适用条件',
    });
  }
  if (b.decisions.length) ruleset.pending = b.decisions;
  const report: SchemeImportReport = {
    file: path.basename(file),
    classes: classes.map((c) => ({ label: c.label, name: c.name, kind: c.kind, declared: c.declared, from: classesFrom })),
    parsed: b.parsed,
    decisions: b.decisions,
    counts: {
      parts: parts.length,
      sections: parts.reduce((n, p) => n + p.sections.length, 0),
      indicators: parts.reduce((n, p) => n + p.sections.reduce((m, s) => m + s.indicators.length, 0), 0),
      rules: b.rules,
      flaggedRules: b.flagged,
    },
  };
  return { ruleset, report };
}

function uniqueId(kind: string, index: number, drafts: DraftPart[]): string {
  const same = drafts.filter((d) => d.kind === kind);
  return same.length > 1 ? `${kind}${same.indexOf(drafts[index]!) + 1}` : kind;
}

/** Reads and converts a scheme file (.docx / .xlsx). */
export async function importSchemeFile(file: string, opts: SchemeImportOptions): Promise<{ ruleset: Ruleset; report: SchemeImportReport }> {
  return buildRuleset(await readSchemeFile(file), file, opts);
}
