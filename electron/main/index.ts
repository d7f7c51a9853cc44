import { app, BrowserWindow, session } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mkdirSync } from 'node:fs';
import { createHandlers } from '../services/api/handlers';
import { denyAllPermissions, hardenWebContents } from './harden';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { loadWindowState, rememberWindowState } from './window-state';
import { registerFileScheme, serveWorkspaceFiles } from './file-protocol';
import { createViewHost, hardenReviewSession, REVIEW_PARTITION } from './review-view';

// Electron glue only: everything the app does lives in electron/services and is
// reached through the handler table that browser mode and the tests also use.

const distDir = path.join(__dirname, '..');
const appIndexUrl = pathToFileURL(path.join(distDir, 'renderer', 'index.html')).toString();

/** better-sqlite3 built for Electron's ABI (scripts/native-electron.mjs); see README. */
function electronNativeBinding(): string {
  return app.isPackaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node');
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
  hardenWebContents(win.webContents, appIndexUrl);
  rememberWindowState(win, app.getPath('userData'));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appIndexUrl);
  return win;
}

registerFileScheme();

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
    if (contents.session !== reviewSession()) hardenWebContents(contents, appIndexUrl);
  });
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    hardenReviewSession(reviewSession());
    const workspaceDir = path.join(app.getPath('documents'), '考评工作台');
    mkdirSync(workspaceDir, { recursive: true });
    serveWorkspaceFiles(workspaceDir);
    mainWindow = createWindow();
    const win = mainWindow;
    const handlers = createHandlers({
      workspaceDir,
      mode: 'desktop',
      version: app.getVersion(),
      nativeBinding: electronNativeBinding(),
      browser: (onVisit) => createViewHost(win, win.webContents, onVisit),
    });
    registerIpc(handlers, appIndexUrl, (error) => console.error(error));
    installMenu();
  });
}
