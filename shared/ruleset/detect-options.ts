import type { DetectId } from '../checks/detects';

/** One reading a ruleset can give a detector where its rule is open to reading. */
export interface DetectOptionSpec {
  key: string;
  /** What the option means, as the editor shows it. */
  label: string;
  type: 'boolean' | 'number' | 'string';
}

/**
 * The options each detector reads (electron/services/checks reads them through
 * `detectOptions`). The editor offers exactly these and validation refuses others,
 * so a typo cannot silently leave a detector on its default reading.
 */
export const DETECT_OPTIONS: Partial<Record<DetectId, DetectOptionSpec[]>> = {
  'footer.identity': [{ key: 'contactLink', label: '“联系我们”链接算作联系方式', type: 'boolean' }],
};

/** Attributes a rule can be exempted by (`unless`) besides those the ruleset itself names. */
export const KNOWN_EXEMPTIONS: { key: string; label: string }[] = [{ key: 'serviceAccount', label: '服务号' }];
