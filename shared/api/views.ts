/** Shapes the renderer receives. Kept flat and serialisable (they cross IPC or HTTP). */

export interface AppInfo {
  version: string;
  workspaceDir: string;
  /** 'desktop' in Electron, 'browser' when served by `kaoping serve`. */
  mode: 'desktop' | 'browser';
}

export interface RulesetSummary {
  id: string;
  name: string;
}

export interface AssessmentSummary {
  /** The assessment folder's name inside the workspace: the id the UI passes back. */
  id: string;
  name: string;
  year: number;
  rulesetId: string;
  rulesetName: string;
  websites: number;
  accounts: number;
  createdAt: string;
}
