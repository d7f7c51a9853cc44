import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../command';
import { optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import { createHandlers } from '../../services/api/handlers';
import { startBridge } from '../../services/server/http-bridge';
import { rendererDir } from '../../services/app-paths';
import { evidenceFileRoute } from '../../services/workspace/file-route';

/** `kaoping serve`: browser mode — the real UI over loopback HTTP. */
export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--port N] [--workspace DIR]',
  summary: '浏览器模式：在本机回环地址提供考评工作台界面',
  options: { port: { type: 'string' }, workspace: { type: 'string' } },
  async run(ctx) {
    const port = Number(optString(ctx, 'port') ?? '0');
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new KaopingError('bad-port', `端口无效：${optString(ctx, 'port')}`);
    const workspaceDir = path.resolve(ctx.io.cwd, optString(ctx, 'workspace') ?? '.');
    mkdirSync(workspaceDir, { recursive: true });
    const handlers = createHandlers({ workspaceDir, mode: 'browser', version: process.env.npm_package_version ?? '0.1.0' });
    const bridge = await startBridge({
      handlers,
      rendererDir: rendererDir(),
      port,
      fileRoute: evidenceFileRoute(workspaceDir),
      onInternalError: (error) => ctx.io.stderr(`内部错误：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
    });
    ctx.io.stdout(`${bridge.url}\n`);
    ctx.io.stderr(`考评工作台已在浏览器模式启动，工作区：${workspaceDir}\n按 Ctrl+C 退出。\n`);
    await new Promise<void>((resolve) => {
      const stop = () => void bridge.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};
