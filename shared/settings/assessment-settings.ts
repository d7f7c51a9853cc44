/**
 * The assessment settings a reviewer can change after creation (CLI `kaoping
 * settings --set key=value`, the UI's settings dialog): one table of keys, each
 * with its Chinese label and its check, so both front ends accept the same input.
 */
import { KaopingError } from '../errors';
import type { AssessmentInfo, AssessmentSettings } from '../domain/types';
import type { Ruleset } from '../ruleset/types';
import { formatGradeLines, parseGradeLines } from './grade-lines';

type Field = keyof AssessmentSettings;
type InfoField = 'name' | 'region' | 'issuer';

export interface SettingKey {
  key: string;
  label: string;
  hint: string;
  /** The settings field, or the assessment's own field (name, region, issuer). */
  field: Field | InfoField | 'grades';
  kind: 'text' | 'date' | 'period' | 'range' | 'ties' | 'numbers' | 'grades';
}

export const SETTING_KEYS: readonly SettingKey[] = [
  { key: 'name', label: '考评名称', hint: '', field: 'name', kind: 'text' },
  { key: 'region', label: '地区', hint: '南岭市', field: 'region', kind: 'text' },
  { key: 'issuer', label: '发文机关', hint: '南岭市人民政府办公室', field: 'issuer', kind: 'text' },
  {
    key: 'period',
    label: '检查期间',
    hint: 'annual（年度）、q1–q4（第一至第四季度）或自定义文字（上半年）',
    field: 'period',
    kind: 'period',
  },
  { key: 'sampling', label: '检查采样时间', hint: '2021-04-01~2021-07-05', field: 'samplingFrom', kind: 'range' },
  { key: 'rectify-by', label: '整改报送期限', hint: 'YYYY-MM-DD', field: 'rectifyBy', kind: 'date' },
  { key: 'monitoring-date', label: '监测时间点', hint: 'YYYY-MM-DD', field: 'monitoringDate', kind: 'date' },
  { key: 'doc-number', label: '发文字号', hint: '南府办〔2025〕3号', field: 'docNumber', kind: 'text' },
  { key: 'addressee', label: '主送机关', hint: '各县（市、区）人民政府，市府直属各单位：', field: 'addressee', kind: 'text' },
  { key: 'copy-to', label: '抄送', hint: '市委各部委办，市人大常委会办公室。', field: 'copyTo', kind: 'text' },
  { key: 'printed-by', label: '印发机关', hint: '', field: 'printedBy', kind: 'text' },
  { key: 'signature', label: '署名', hint: '', field: 'signature', kind: 'text' },
  { key: 'date', label: '成文日期', hint: 'YYYY-MM-DD', field: 'date', kind: 'date' },
  { key: 'print-date', label: '印发日期', hint: 'YYYY-MM-DD', field: 'printDate', kind: 'date' },
  { key: 'publicity', label: '公开方式', hint: '主动公开', field: 'publicity', kind: 'text' },
  {
    key: 'title',
    label: '标题（手工断行用 |）',
    hint: '…关于2021年第二季度|全市政府网站与政务新媒体检查情况的通报',
    field: 'title',
    kind: 'text',
  },
  { key: 'region-short', label: '地区简称（抄送“驻X各部队”）', hint: '湛', field: 'regionShort', kind: 'text' },
  { key: 'grades', label: '等次分数线', hint: '优秀:90,良好:80,合格:60 或 网站=…;新媒体=…;第一类=…', field: 'grades', kind: 'grades' },
  { key: 'ties', label: '同分排名', hint: 'sequential（顺序排名 1,2,3，潮州格式）或 shared（并列 1,1,3）', field: 'ties', kind: 'ties' },
  { key: 'numbers', label: '分数写法', hint: 'trim（85.62、78.1、71）或 fixed2（78.10、71.00）', field: 'numbers', kind: 'numbers' },
];

/** What a change touches: the settings and, for some keys, the assessment's own fields. */
export type SettingsPatch = Partial<Pick<AssessmentInfo, InfoField | 'gradeBands' | 'settings'>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/u;

function date(key: string, value: string): string {
  if (!DATE.test(value) || Number.isNaN(Date.parse(value)))
    throw new KaopingError('bad-setting', `设置 ${key} 的日期应为 YYYY-MM-DD：${value}`);
  return value;
}

/** Reads "annual", "年度", "q2", "第二季度", or keeps a custom period name. */
function period(value: string): string {
  if (/^(annual|年度|全年)$/iu.test(value)) return 'annual';
  const q = /^q([1-4])$/iu.exec(value) ?? /^第?([1-4一二三四])季度$/u.exec(value);
  if (q) return `q${'1234'.includes(q[1]!) ? q[1] : '一二三四'.indexOf(q[1]!) + 1}`;
  return value;
}

/**
 * Applies `key=value` to an assessment: returns the patch for store.updateInfo.
 * An empty value removes the setting (the default applies again).
 */
export function applySetting(info: AssessmentInfo, ruleset: Ruleset, key: string, rawValue: string): SettingsPatch {
  const spec = SETTING_KEYS.find((k) => k.key === key || k.label === key);
  if (!spec)
    throw new KaopingError(
      'unknown-setting',
      `没有设置项“${key}”。可设置：${SETTING_KEYS.map((k) => `${k.key}（${k.label}）`).join('、')}`,
    );
  const value = rawValue.trim();
  const settings: AssessmentSettings = { ...info.settings };
  const set = (field: Field, v: unknown) => {
    if (value === '') delete settings[field];
    else (settings as Record<string, unknown>)[field] = v;
  };
  switch (spec.kind) {
    case 'text':
      if (spec.field === 'name' || spec.field === 'region' || spec.field === 'issuer') {
        if (spec.field === 'name' && !value) throw new KaopingError('bad-setting', '考评名称不能为空');
        return { [spec.field]: value };
      }
      set(spec.field as Field, value);
      break;
    case 'date':
      set(spec.field as Field, value && date(spec.key, value));
      break;
    case 'period':
      set('period', value && period(value));
      break;
    case 'range': {
      if (!value) {
        delete settings.samplingFrom;
        delete settings.samplingTo;
        break;
      }
      const parts = value.split(/\s*(?:~|～|至|到|,|，)\s*/u);
      if (parts.length !== 2) throw new KaopingError('bad-setting', `设置 ${spec.key} 应写成“开始日期~结束日期”：${value}`);
      const [from, to] = [date(spec.key, parts[0]!), date(spec.key, parts[1]!)];
      if (from > to) throw new KaopingError('bad-setting', `检查采样时间的开始日期晚于结束日期：${value}`);
      settings.samplingFrom = from;
      settings.samplingTo = to;
      break;
    }
    case 'ties': {
      const v = { sequential: 'sequential', 顺序: 'sequential', shared: 'shared', 并列: 'shared' }[value] as
        'shared' | 'sequential' | undefined;
      if (value && !v) throw new KaopingError('bad-setting', `设置 ties 应为 sequential（顺序）或 shared（并列）：${value}`);
      set('ties', v);
      break;
    }
    case 'numbers': {
      if (value && value !== 'trim' && value !== 'fixed2')
        throw new KaopingError('bad-setting', `设置 numbers 应为 trim 或 fixed2：${value}`);
      set('numbers', value);
      break;
    }
    case 'grades': {
      if (!value) {
        delete settings.grades;
        return { settings, gradeBands: ruleset.grades.bands };
      }
      const lines = parseGradeLines(value, ruleset);
      settings.grades = { ...(lines.byKind ? { byKind: lines.byKind } : {}), ...(lines.byClass ? { byClass: lines.byClass } : {}) };
      if (!lines.byKind && !lines.byClass) delete settings.grades;
      return { settings, ...(lines.all ? { gradeBands: lines.all } : {}) };
    }
  }
  return { settings };
}

/** Every key with its current value as `--set` would take it ('' when unset). */
export function describeSettings(info: AssessmentInfo, ruleset: Ruleset): { key: string; label: string; value: string }[] {
  const s = info.settings;
  return SETTING_KEYS.map((k) => {
    let value = '';
    if (k.field === 'name' || k.field === 'region' || k.field === 'issuer') value = info[k.field];
    else if (k.kind === 'range') value = s.samplingFrom && s.samplingTo ? `${s.samplingFrom}~${s.samplingTo}` : '';
    else if (k.kind === 'grades') value = formatGradeLines({ all: info.gradeBands, ...s.grades }, ruleset);
    else value = String(s[k.field as Field] ?? '');
    return { key: k.key, label: k.label, value };
  });
}
