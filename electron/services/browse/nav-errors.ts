/**
 * Why a page did not load, in the reviewer's words. Chromium reports network
 * failures as net::ERR_* codes; certificate faults are kept apart because a
 * broken certificate is itself a finding (the site is not safely reachable),
 * and it is never clicked through.
 */
import type { BrowserState } from './types';

export type NavError = NonNullable<BrowserState['error']>;

const CERTIFICATE: Record<string, string> = {
  ERR_CERT_AUTHORITY_INVALID: '证书不是由受信任的机构签发（可能是自签名证书）',
  ERR_CERT_COMMON_NAME_INVALID: '证书与网站域名不符',
  ERR_CERT_DATE_INVALID: '证书已过期或尚未生效',
  ERR_CERT_REVOKED: '证书已被吊销',
  ERR_CERT_WEAK_SIGNATURE_ALGORITHM: '证书使用了不安全的签名算法',
  ERR_CERT_INVALID: '证书无效',
};

const NETWORK: Record<string, string> = {
  ERR_NAME_NOT_RESOLVED: '域名无法解析',
  ERR_CONNECTION_REFUSED: '服务器拒绝连接',
  ERR_CONNECTION_RESET: '连接被重置',
  ERR_CONNECTION_CLOSED: '连接被关闭',
  ERR_CONNECTION_TIMED_OUT: '连接超时',
  ERR_TIMED_OUT: '连接超时',
  ERR_ADDRESS_UNREACHABLE: '无法访问该地址',
  ERR_INTERNET_DISCONNECTED: '本机没有网络连接',
  ERR_EMPTY_RESPONSE: '服务器没有返回任何数据',
  ERR_TOO_MANY_REDIRECTS: '重定向次数过多',
  ERR_SSL_PROTOCOL_ERROR: '安全连接（TLS）握手失败',
  ERR_SSL_VERSION_OR_CIPHER_MISMATCH: '网站使用的 TLS 版本或加密算法已不受支持',
  ERR_INVALID_RESPONSE: '服务器的响应无法识别',
  ERR_BLOCKED_BY_RESPONSE: '网站禁止在此处显示该页面',
  ERR_UNSAFE_PORT: '该端口被浏览器列为不安全端口，浏览器拒绝访问',
  ERR_BLOCKED_BY_CLIENT: '网址指向本机或内网地址，审阅浏览器不允许被考评网站访问这些地址（考评对象本身的地址除外）',
  ERR_NETWORK_CHANGED: '本机网络发生变化，连接中断',
  ERR_CONNECTION_ABORTED: '连接中断',
  ERR_CONNECTION_FAILED: '无法建立连接',
  ERR_TUNNEL_CONNECTION_FAILED: '无法建立到网站的连接',
};

/** A network error code (ERR_…) in the reviewer's words. */
export function describeNetError(code: string): string {
  return NETWORK[code] ?? '网络错误';
}

const HTTP: Record<number, string> = {
  400: '请求有误',
  401: '需要登录',
  403: '禁止访问',
  404: '页面不存在',
  410: '页面已删除',
  500: '服务器内部错误',
  502: '网关错误',
  503: '服务暂不可用',
  504: '网关超时',
};

/**
 * Maps Chromium's error text ("net::ERR_CERT_DATE_INVALID at https://…") to the
 * state's error, or null for an aborted navigation (superseded by another one,
 * or stopped by the reviewer), which is no fault of the site.
 */
export function netError(errorText: string, url: string): NavError | null {
  const code = /net::(ERR_[A-Z0-9_]+)/u.exec(errorText)?.[1];
  if (code === 'ERR_ABORTED') return null;
  if (code?.startsWith('ERR_CERT_')) {
    return { kind: 'certificate', message: `网站证书有问题：${CERTIFICATE[code] ?? '证书无效'}（${code}），已拒绝打开`, url };
  }
  if (code) return { kind: 'network', message: `无法打开页面：${describeNetError(code)}（${code}）`, url };
  return { kind: 'network', message: '无法打开页面：浏览器未能加载该网址', url };
}

/** The main document answered with an HTTP error status. */
export function httpError(status: number, url: string): NavError {
  const reason = HTTP[status] ?? (status >= 500 ? '服务器错误' : '请求被拒绝');
  return { kind: 'http', message: `网站返回 HTTP ${status}（${reason}）`, url };
}

/** Nothing usable arrived within the time allowed. */
export function timeoutError(url: string, ms: number): NavError {
  return { kind: 'network', message: `页面在 ${Math.round(ms / 1000)} 秒内没有打开`, url };
}
