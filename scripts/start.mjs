// `npm start` (after the build): the desktop window where Electron is
// installed; otherwise browser mode (`kaoping serve --open`) in the system's
// default browser, with one sentence saying why. Electron is an optional
// dependency, so a machine that could not download its binary still starts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Why the desktop window cannot open here, in Chinese, or null when it can.
 * `electronPath` is the electron package's export: the binary's path, or a
 * throw when the package or its binary is missing.
 */
export function desktopUnavailable({ electronPath, exists, env, platform }) {
  let binary;
  try {
    binary = electronPath();
  } catch {
    binary = null;
  }
  if (typeof binary !== 'string' || !exists(binary)) return '没有找到 Electron 程序（安装时未能下载）';
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return '本机没有图形桌面（未设置 DISPLAY）';
  return null;
}

/** The workspace both modes open: Documents/考评工作台, as the desktop app uses. */
export function defaultWorkspace(home = os.homedir(), exists = existsSync) {
  const documents = path.join(home, 'Documents');
  return path.join(exists(documents) ? documents : home, '考评工作台');
}

function browserMode(reason) {
  console.error(`${reason}，改用浏览器模式：考评工作台将在默认浏览器中打开。`);
  const workspace = process.env.KAOPING_WORKSPACE || defaultWorkspace();
  mkdirSync(workspace, { recursive: true });
  return spawn(process.execPath, [path.join(root, 'bin', 'kaoping.cjs'), 'serve', '--workspace', workspace, '--open'], {
    stdio: 'inherit',
  });
}

function desktop(electronBinary) {
  // better-sqlite3 for Electron's ABI; needs Electron's headers once (scripts/native-electron.mjs).
  const native = spawnSync(process.execPath, [path.join(root, 'scripts', 'native-electron.mjs')], { stdio: 'inherit', cwd: root });
  if (native.status !== 0) return browserMode('无法为 Electron 编译数据库模块（需要下载 Electron 头文件）');
  return spawn(electronBinary, [root], { stdio: 'inherit' });
}

function main() {
  const require = createRequire(import.meta.url);
  const electronPath = () => require('electron');
  const reason = desktopUnavailable({ electronPath, exists: existsSync, env: process.env, platform: process.platform });
  const child = reason ? browserMode(reason) : desktop(electronPath());
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
