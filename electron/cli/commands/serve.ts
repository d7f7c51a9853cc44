import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../command';
import { optFlag, optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import type { BrowserHost } from '../../services/browse/types';
import { processTempDir } from '../../services/workers/process-temp';

/** `kaoping serve`: browser mode — the real UI over loopback HTTP. */
export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--port N] [--workspace DIR] [--open]',
  summary: '浏览器模式：在本机回环地址提供考评工作台界面',
  options: { port: { type: 'string' }, workspace: { type: 'string' }, open: { type: 'boolean' } },
  async run(ctx) {
    const port = Number(optString(ctx, 'port') ?? '0');
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new KaopingError('bad-port', `端口无效：${optString(ctx, 'port')}`);
    const workspaceDir = path.resolve(ctx.io.cwd, optString(ctx, 'workspace') ?? '.');
    mkdirSync(workspaceDir, { recursive: true });
    // The handler table, the bridge and the review browser load only for this command (fast start for the others).
    const [
      { createHandlers },
      { closeOpenAssessments },
      { startBridge },
      { rendererDir },
      { realEvidenceFileRoute },
      { createPuppeteerHost },
      { openInBrowser },
    ] = await Promise.all([
      import('../../services/api/handlers'),
      import('../../services/api/open-assessments'),
      import('../../services/server/http-bridge'),
      import('../../services/app-paths'),
      import('../../services/workspace/real-file-route'),
      import('../../services/browse/puppeteer-host'),
      import('../../services/server/open-browser'),
    ]);
    // Uploads left behind by a killed earlier run are removed now, not at the first upload.
    processTempDir();
    let host: BrowserHost | undefined;
    const handlers = createHandlers({
      workspaceDir,
      mode: 'browser',
      version: process.env.npm_package_version ?? '0.1.0',
      // The sites under review open in a headless system Chromium with its own profile, never in the reviewer's browser.
      browser: (onVisit) => (host = createPuppeteerHost({ profileDir: path.join(workspaceDir, '.kaoping', 'browser-profile'), onVisit })),
    });
    const bridge = await startBridge({
      handlers,
      rendererDir: rendererDir(),
      port,
      // Links are resolved: a file whose real path leaves its assessment's folder is a 404, as in the desktop app.
      fileRoute: realEvidenceFileRoute(workspaceDir),
      onInternalError: (error) => ctx.io.stderr(`内部错误：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
    });
    ctx.io.stdout(`${bridge.url}\n`);
    ctx.io.stderr(`考评工作台已在浏览器模式启动，工作区：${workspaceDir}\n按 Ctrl+C 退出。\n`);
    if (optFlag(ctx, 'open') && !openInBrowser(bridge.url)) ctx.io.stderr(`本机没有可自动打开的浏览器，请在浏览器中打开上面的地址。\n`);
    await new Promise<void>((resolve) => {
      const stop = () =>
        void Promise.all([bridge.close(), host?.close()]).then(() => {
          closeOpenAssessments();
          resolve();
        });
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};
