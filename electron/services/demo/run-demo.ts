import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'puppeteer-core';
import type { Ruleset } from '../../../shared/ruleset/types';
import { CHECK_NAMES } from '../../../shared/checks/check-names';
import { resolveIndicator } from '../../../shared/ruleset/walk';
import { loadRuleset } from '../rulesets/load';
import { createAssessment, verifyAssessment } from '../store/open';
import type { AssessmentStore } from '../store/types';
import { folderNameFor } from '../workspace/workspace';
import { DEFAULT_WEBSITE_CHECK } from '../checks/check-website';
import { runChecks } from '../checks/run-checks';
import { createEvidenceShooter } from '../checks/evidence-shots';
import { resolveChromium } from '../browse/chromium-path';
import { launchChromium, type LaunchOptions } from '../browse/chromium-launch';
import { createPuppeteerHost } from '../browse/puppeteer-host';
import { captureEvidence } from '../evidence/capture';
import { saveAccountForm } from '../review/account-form';
import { buildTemplate } from '../selfeval/template';
import { importSelfEvaluations } from '../selfeval/import-selfeval';
import { selfEvalDiff, writeDiffWorkbook } from '../selfeval/diff';
import { exportAssessment, type ExportFormat } from '../export/index';
import { exportDataFromStore } from '../export/from-store';
import { scoreStoredAssessment } from '../scoring/score-assessment';
import { setReviewDone } from '../review/review-done';
import { sampleSites } from './sample-sites';
import { runReviewRound } from './demo-review-round';
import { serveSampleSite, type RunningSite } from './site-server';
import { ACCOUNT_FORM, CONFIRM_REASONS, DEMO_ACCOUNTS, demoAssessment, MANUAL_FINDINGS, SELF_EVALUATION } from './demo-script';
import { safeWorkbookBytes } from '../export/ooxml/formula-guard';

export interface DemoOptions {
  /** The workspace the demo writes its assessment folder into. */
  out: string;
  now?: Date;
  /** Narration, one Chinese line at a time. */
  say: (line: string) => void;
  /** Starts Chromium (tests may pass their own); default: the system browser. */
  launch?: (options: LaunchOptions) => Promise<Browser>;
}

export interface DemoResult {
  assessmentDir: string;
  files: { label: string; path: string }[];
  /** Websites by unit, accounts as 单位·平台“账号”. */
  targets: { label: string; total: number | null; grade: string | null; rank: number | null; veto: boolean }[];
}

const EXPORTS: [ExportFormat, string, string][] = [
  ['annex-chaozhou', '附件表格（潮州格式）', '考评结果附件_潮州格式.xlsx'],
  ['annex-zhanjiang', '突出问题清单（湛江格式）', '突出问题清单_湛江格式.xlsx'],
  ['circular-chaozhou', '通报初稿（潮州格式）', '通报初稿_潮州格式.docx'],
  ['circular-zhanjiang', '通报初稿（湛江格式）', '通报初稿_湛江格式.docx'],
  ['evidence-pack', '证据包', '证据包.zip'],
];

/**
 * The whole job on the bundled sample, as one command: two sample sites on
 * loopback, a Zhanjiang 2021 assessment of them and four accounts, automated
 * checks, the reviewer's confirmations and two findings of their own with
 * screenshots, a new-media form, a unit's self-evaluation, scores, and every
 * annex, circular and pack written into the assessment folder.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const now = options.now ?? new Date();
  const say = options.say;
  // No screenshots are faked: without a browser the demo stops here and says which to install.
  if (!options.launch && (await resolveChromium()).bundled) say('本机没有 Chromium/Chrome/Edge：使用随开发依赖安装的内置 Chromium');
  const launch = options.launch ?? launchChromium;
  const sites: RunningSite[] = await Promise.all(sampleSites(now).map(serveSampleSite));
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'kaoping-demo-'));
  mkdirSync(options.out, { recursive: true });
  const assessment = demoAssessment(now);
  const assessmentDir = path.join(options.out, folderNameFor(options.out, assessment.name, assessment.year));
  const ruleset = loadRuleset('zhanjiang-2021');
  const store = createAssessment(
    assessmentDir,
    { ...assessment, rulesetId: ruleset.id, rulesetSnapshot: ruleset, gradeBands: ruleset.grades.bands },
    { actor: '演示评审员', now: () => new Date() },
  );
  try {
    const site = (key: string) => sites.find((s) => s.site.key === key)!;
    say(`新建考评：${assessment.name}（湛江 2021 方案）→ ${assessmentDir}`);
    store.addTargets([
      {
        kind: 'website',
        unit: '南岭县人民政府',
        name: site('county').site.siteName,
        url: site('county').url,
        classId: 'county',
        attributes: {},
        identifier: site('county').site.siteCode,
        platform: null,
      },
      // The channel has no 政策文件 column: the ruleset moves those weights to 机构职能, 领导信息 and others.
      {
        kind: 'website',
        unit: '南岭市教育局',
        name: site('department').site.siteName,
        url: site('department').url,
        classId: 'city-service',
        attributes: { hasPolicyColumn: false },
        identifier: null,
        platform: null,
      },
      ...DEMO_ACCOUNTS.map((a) => ({ ...a, kind: 'account' as const, url: null, classId: 'account', attributes: {} })),
    ]);
    say(`考评对象：2 个网站（本机回环地址上的示例站点），${DEMO_ACCOUNTS.length} 个政务新媒体账号`);

    await checkAndConfirm(store, now, launch, say);
    await recordByHand(store, sites, scratch, launch, now, say);
    fillAccountForm(store, now, say);
    await selfEvaluate(store, ruleset, scratch, say);
    // The reviewer has walked every applicable indicator of every target: only now are the scores final.
    for (const t of store.listTargets()) setReviewDone(store, t, undefined, true, '演示：逐项评审完毕');
    say(`  标记评审完毕：${store.listTargets().length} 个考评对象的全部适用指标`);

    const exportsDir = path.join(assessmentDir, 'exports');
    // Preliminary results out, the county's review request decided: the annexes and circulars below carry the final scores.
    const files: DemoResult['files'] = await runReviewRound(store, exportsDir, now, say);
    const data = exportDataFromStore(store);
    for (const [format, label, name] of EXPORTS) {
      const file = path.join(exportsDir, name);
      await exportAssessment(data, format, file, { date: now });
      files.push({ label, path: file });
    }
    const diffFile = path.join(exportsDir, '自评与评审得分对照.xlsx');
    await writeDiffWorkbook(selfEvalDiff(store), assessment.name, diffFile);
    files.push({ label: '自评与评审得分对照表', path: diffFile });

    const verified = verifyAssessment(assessmentDir);
    say(
      verified.ok
        ? `数据完整性校验通过：历史记录 ${verified.historyEntries} 条，证据文件 ${verified.evidenceFiles} 个`
        : `数据完整性校验失败：${verified.firstBreak}`,
    );
    const scores = new Map(scoreStoredAssessment(store).map((s) => [s.targetId, s]));
    const targets = store.listTargets().map((t) => {
      const s = scores.get(t.id)!;
      return {
        label: t.kind === 'website' ? t.unit : `${t.unit}·${t.platform}“${t.name}”`,
        total: s.total,
        grade: s.grade,
        rank: s.total === null ? null : s.rank,
        veto: s.veto,
      };
    });
    return { assessmentDir, files, targets };
  } finally {
    store.close();
    await Promise.all(sites.map((s) => s.close()));
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs every check on both sites (same site only: the demo needs no internet) and confirms what a reviewer would. */
async function checkAndConfirm(
  store: AssessmentStore,
  now: Date,
  launch: (options: LaunchOptions) => Promise<Browser>,
  say: (line: string) => void,
) {
  say('自动检查（只检查本站链接，无需联网）……');
  const shooter = createEvidenceShooter(store, { maxShots: 2, launch });
  try {
    const options = { ...DEFAULT_WEBSITE_CHECK, only: CHECK_NAMES, external: false, now };
    await runChecks({
      store,
      targets: store.listTargets(),
      options,
      progress: (line) => /^\S/u.test(line) && say(`  ${line}`),
      shoot: shooter.shoot,
    });
  } finally {
    await shooter.close();
  }
  const ruleset = store.rulesetSnapshot();
  for (const f of store.listFindings({ status: 'suggested' })) {
    const target = store.getTarget(f.targetId);
    const place = resolveIndicator(ruleset, f.indicatorId, target.kind);
    const reason = CONFIRM_REASONS[f.source ?? ''];
    if (reason) {
      store.updateFinding(f.id, { status: 'confirmed' }, reason);
      say(`  确认 ${target.unit} ${place.path} 第${f.rule}条 ×${f.count}：${f.note}——${reason}`);
    } else {
      store.updateFinding(f.id, { status: 'dismissed' }, '演示未核实此类问题');
      say(`  驳回 ${target.unit} ${place.path} 第${f.rule}条：${f.note}——演示未核实此类问题`);
    }
  }
}

/** Opens each site in the headless browser, captures the page and records a finding with it. */
async function recordByHand(
  store: AssessmentStore,
  sites: RunningSite[],
  scratch: string,
  launch: (options: LaunchOptions) => Promise<Browser>,
  now: Date,
  say: (line: string) => void,
) {
  const ruleset = store.rulesetSnapshot();
  const host = createPuppeteerHost({ profileDir: path.join(scratch, 'browser'), onVisit: () => undefined, launch });
  try {
    for (const manual of MANUAL_FINDINGS) {
      const running = sites.find((s) => s.site.key === manual.site)!;
      const target = store.listTargets().find((t) => t.url === running.url)!;
      await host.open(target.id, new URL(manual.path, running.url).toString());
      const place = resolveIndicator(ruleset, manual.indicatorId, 'website');
      const evidence = await captureEvidence({
        host,
        store,
        targetId: target.id,
        targetName: target.name,
        indicatorId: place.indicator.id,
        indicatorPath: place.path,
        mode: manual.mode,
        now: () => now,
      });
      store.addFinding({
        targetId: target.id,
        indicatorId: place.indicator.id,
        rule: manual.rule,
        count: 1,
        note: manual.note,
        status: 'confirmed',
        evidenceIds: [evidence.id],
      });
      say(
        `  人工记录 ${target.unit} ${place.path} 第${manual.rule}条：${manual.note}（${manual.mode === 'fullpage' ? '整页' : '可视区域'}截图 #${evidence.id}）`,
      );
    }
  } finally {
    await host.close();
  }
}

function fillAccountForm(store: AssessmentStore, now: Date, say: (line: string) => void) {
  const account = store
    .listTargets()
    .find((t) => t.kind === 'account' && t.unit === ACCOUNT_FORM.unit && t.platform === ACCOUNT_FORM.platform)!;
  const last = new Date(now.getTime() - ACCOUNT_FORM.lastUpdateDaysAgo * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  saveAccountForm(store, account.id, { ...ACCOUNT_FORM.answers, lastUpdate: last }, now);
  say(`  新媒体检查表：${account.unit}${account.platform}“${account.name}”最近更新 ${last}，抽查 4 周有 1 周未更新`);
}

/** The county fills in its template (full marks claimed) and sends it back; the workstation imports it. */
async function selfEvaluate(store: AssessmentStore, ruleset: Ruleset, scratch: string, say: (line: string) => void) {
  const target = store.listTargets().find((t) => t.kind === 'website' && t.unit === SELF_EVALUATION.unit)!;
  const book = await buildTemplate(ruleset, store.info(), target);
  const sheet = book.getWorksheet('自查自评表')!;
  sheet.eachRow((row) => {
    const max = row.getCell(5).value;
    if (typeof max !== 'number') return;
    row.getCell(6).value = max;
    const explanation = SELF_EVALUATION.explanations[String(row.getCell(3).value)];
    if (explanation) row.getCell(7).value = explanation;
  });
  const file = path.join(scratch, `${target.unit}_自查自评表.xlsx`);
  writeFileSync(file, await safeWorkbookBytes(book as ExcelJS.Workbook));
  const [result] = await importSelfEvaluations(store, [file]);
  say(
    result?.ok ? `  导入自评表：${path.basename(file)}（${result.scores} 项自评得分）` : `  自评表导入失败：${result?.errors.join('；')}`,
  );
}
