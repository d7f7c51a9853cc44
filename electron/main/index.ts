import { app, BrowserWindow, dialog, session } from 'electron';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { isKaopingError, KaopingError } from '../../shared/errors';
import { closeOpenAssessments } from '../services/api/open-assessments';
import { createHandlers } from '../services/api/handlers';
import { APP_INDEX_URL } from '../services/security/app-url';
import { NATIVE_MANIFEST, verifyNativeModule } from '../services/security/native-integrity';
import { serveAppPage } from './app-protocol';
import { serveWorkspaceFiles } from './file-protocol';
import { denyAllPermissions, hardenWebContents } from './harden';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { startGuardProxy } from '../services/browse/guard-proxy';
import { createNetworkGuard } from '../services/browse/private-network';
import { guardReviewSession } from './review-network';
import { createViewHost, hardenReviewSession, REVIEW_PARTITION } from './review-view';
import { registerAppSchemes } from './schemes';
import { loadWindowState, rememberWindowState } from './window-state';

// Electron glue only: everything the app does lives in electron/services and is
// reached through the handler table that browser mode and the tests also use.

const distDir = path.join(__dirname, '..');

/** better-sqlite3 built for Electron's ABI (scripts/native-electron.mjs), checked against the hash recorded at packaging. */
function electronNativeBinding(): string {
  const file = app.isPackaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node');
  verifyNativeModule(file, path.join(__dirname, NATIVE_MANIFEST), app.isPackaged);
  return file;
}

function createWindow(): BrowserWindow {
  const state = loadWindowState(app.getPath('userData'));
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    title: '考评工作台',
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  hardenWebContents(win.webContents, APP_INDEX_URL);
  rememberWindowState(win, app.getPath('userData'));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
  return win;
}

/** A start-up failure the reviewer can act on, shown before quitting; anything else is a bug, logged with its stack. */
function failStart(error: unknown): void {
  const message = isKaopingError(error) ? error.message : `内部错误：${error instanceof Error ? error.message : String(error)}`;
  console.error(error);
  dialog.showErrorBox('考评工作台无法启动', message);
  app.quit();
}

registerAppSchemes();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  // Sites under review have rules of their own (review-view.ts); every other webContents is the app's.
  const reviewSession = () => session.fromPartition(REVIEW_PARTITION);
  app.on('web-contents-created', (_event, contents) => {
    if (contents.session !== reviewSession()) hardenWebContents(contents, APP_INDEX_URL);
  });
  app.on('window-all-closed', () => app.quit());
  // Assessments stay open between calls; close them so SQLite checkpoints its WAL on the way out.
  app.on('will-quit', () => closeOpenAssessments());

  void app
    .whenReady()
    .then(async () => {
      denyAllPermissions(session.defaultSession);
      hardenReviewSession(reviewSession());
      // Reviewed sites reach the network only through the guard proxy, in force before any site loads.
      const guard = createNetworkGuard();
      const proxy = await startGuardProxy({ guard });
      app.on('will-quit', () => void proxy.close());
      await guardReviewSession(reviewSession(), { guard, proxy });
      const nativeBinding = electronNativeBinding();
      const workspaceDir = path.join(app.getPath('documents'), '考评工作台');
      try {
        mkdirSync(workspaceDir, { recursive: true });
      } catch (error) {
        throw new KaopingError(
          'workspace',
          `无法创建工作区文件夹 ${workspaceDir}：${error instanceof Error ? error.message : String(error)}`,
        );
      }
      serveAppPage(path.join(distDir, 'renderer'));
      serveWorkspaceFiles(workspaceDir);
      mainWindow = createWindow();
      const win = mainWindow;
      const handlers = createHandlers({
        workspaceDir,
        mode: 'desktop',
        version: app.getVersion(),
        nativeBinding,
        browser: (onVisit) => createViewHost(win, win.webContents, onVisit, { guard, proxy }),
      });
      registerIpc(handlers, APP_INDEX_URL, (error) => console.error(error));
      installMenu();
    })
    .catch(failStart);
}
