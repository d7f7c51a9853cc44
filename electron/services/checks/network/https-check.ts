import { isIP } from 'node:net';
import { KaopingError } from '../../../../shared/errors';
import tls from 'node:tls';
import { describeTlsFault, type TlsFault } from '../tls-faults';
import type { CheckNote, Observation } from '../types';

/** What a network check hands back: observations for the rules, notes for the check report. */
export interface NetworkCheckResult {
  observations: Observation[];
  notes: CheckNote[];
}

/** Opens a TLS connection; tests pass one that trusts their own certificate authority. */
export type TlsConnect = (options: tls.ConnectionOptions) => tls.TLSSocket;

/** How checkHttps connects: its deadline, and injectable connection and clock for tests. */
export interface HttpsCheckOptions {
  /** Deadline for the TCP connection and the handshake together. */
  timeoutMs: number;
  connect?: TlsConnect;
  /** The clock that days-until-expiry are counted against. */
  now?: () => Date;
}

/** What one TLS handshake showed; `fault` is set when the certificate is not trusted or no handshake happened. */
export interface TlsProbe {
  host: string;
  port: number;
  /** A handshake completed (with or without a trusted certificate). */
  connected: boolean;
  authorized: boolean;
  fault: TlsFault | null;
  /** Why no handshake completed, in Chinese. */
  error: string | null;
  /** The system error code behind `error` (ENOTFOUND, ECONNREFUSED …). */
  code: string | null;
  issuer: string | null;
  validFrom: Date | null;
  validTo: Date | null;
  protocol: string | null;
}

const CONNECT_ERRORS: Record<string, string> = {
  ECONNREFUSED: '连接被拒绝',
  ECONNRESET: '连接被重置',
  ENOTFOUND: '域名无法解析',
  EAI_AGAIN: '域名解析失败',
  EHOSTUNREACH: '主机不可达',
  ENETUNREACH: '网络不可达',
};

/** Lookup failures: this machine's view of DNS, not a fact about the site. */
const UNRESOLVED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EMFILE', 'ENFILE', 'ENOMEM']);

/** The host of a URL as a socket wants it: IPv6 literals lose their brackets. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/u, '$1');
}

/** Beijing calendar date of an instant (reviewers read dates in UTC+8). */
function beijingDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * One TLS handshake with certificate checking reported rather than enforced, so
 * an untrusted certificate is still read and named instead of just failing.
 */
export function probeTls(host: string, port: number, options: Pick<HttpsCheckOptions, 'timeoutMs' | 'connect'>): Promise<TlsProbe> {
  const base: TlsProbe = {
    host,
    port,
    connected: false,
    authorized: false,
    fault: null,
    error: null,
    code: null,
    issuer: null,
    validFrom: null,
    validTo: null,
    protocol: null,
  };
  return new Promise((resolve) => {
    const connect = options.connect ?? tls.connect;
    const socket = connect({ host, port, servername: isIP(host) ? undefined : host, rejectUnauthorized: false });
    const finish = (probe: TlsProbe) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(probe);
    };
    const timer = setTimeout(() => finish({ ...base, error: `超过 ${options.timeoutMs / 1000} 秒未完成握手` }), options.timeoutMs);
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      const issuer = cert.issuer ? (cert.issuer.O ?? cert.issuer.CN ?? null) : null;
      // Node documents an Error but hands over the OpenSSL code as a string.
      const authError: unknown = socket.authorizationError;
      const code = typeof authError === 'string' ? authError : ((authError as NodeJS.ErrnoException | undefined)?.code ?? '');
      finish({
        ...base,
        connected: true,
        authorized: socket.authorized,
        fault: socket.authorized
          ? null
          : (describeTlsFault({ code, message: code }) ?? { kind: 'other', message: `证书不受信任（${code}）` }),
        issuer: Array.isArray(issuer) ? issuer.join(', ') : issuer,
        validFrom: cert.valid_from ? new Date(cert.valid_from) : null,
        validTo: cert.valid_to ? new Date(cert.valid_to) : null,
        protocol: socket.getProtocol(),
      });
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      const fault = describeTlsFault(e);
      finish({
        ...base,
        fault,
        code: e.code ?? null,
        error: fault ? null : `${CONNECT_ERRORS[e.code ?? ''] ?? '无法连接'}（${e.code ?? e.message}）`,
      });
    });
  });
}

/** Notes on a completed handshake: expiry, issuer, protocol. */
function certificateNotes(probe: TlsProbe, now: Date): CheckNote[] {
  const notes: CheckNote[] = [];
  if (probe.validTo) {
    const left = Math.floor((probe.validTo.getTime() - now.getTime()) / 86_400_000);
    const until = beijingDate(probe.validTo);
    if (left < 0) notes.push({ check: 'https', ok: false, text: `证书已于 ${until} 过期（${-left} 天前）` });
    else notes.push({ check: 'https', ok: left >= 30, text: `证书有效期至 ${until}，剩余 ${left} 天` });
  }
  if (probe.validFrom && probe.validFrom.getTime() > now.getTime())
    notes.push({ check: 'https', ok: false, text: `证书自 ${beijingDate(probe.validFrom)} 起才生效` });
  if (probe.issuer) notes.push({ check: 'https', ok: true, text: `证书签发者 ${probe.issuer}` });
  if (probe.protocol) {
    const old = /^(SSLv|TLSv1(\.1)?$)/u.test(probe.protocol);
    notes.push({ check: 'https', ok: !old, text: `协商协议 ${probe.protocol}${old ? '（已不安全，应使用 TLS 1.2 及以上）' : ''}` });
  }
  return notes;
}

/**
 * Whether the home page's host serves HTTPS with a valid certificate: a TLS
 * handshake on 443 (or the URL's own port for an https home page). No
 * HTTPS, or an untrusted, expired or mismatched certificate, is the `https`
 * observation; the certificate's facts are notes either way.
 */
export async function checkHttps(homeUrl: string, options: HttpsCheckOptions): Promise<NetworkCheckResult> {
  const url = new URL(homeUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new KaopingError('not-web-url', `不是 http 或 https 网址：${homeUrl}`);
  const host = bareHost(url);
  const port = url.protocol === 'https:' && url.port ? Number(url.port) : 443;
  const probe = await probeTls(host, port, options);
  const where = `https://${url.host.replace(/:\d+$/u, '')}${port === 443 ? '' : `:${port}`}/`;
  const notes = probe.connected ? certificateNotes(probe, (options.now ?? (() => new Date()))()) : [];
  if (!probe.connected && !probe.fault && UNRESOLVED.has(probe.code ?? '')) {
    // This machine could not look the name up: nothing is known about the site's HTTPS.
    const reason = `${host} ${probe.error ?? '域名无法解析'}，HTTPS 未核实`;
    return { observations: [], notes: [{ check: 'https', ok: false, detect: 'https', text: reason, items: [{ url: where, reason }] }] };
  }
  if (!probe.connected && !probe.fault) {
    const reason = `无法建立 HTTPS 连接：${probe.error ?? '未知原因'}`;
    notes.unshift({ check: 'https', ok: false, text: `${host} 端口 ${port} ${reason}` });
    return { observations: [{ detect: 'https', count: 1, summary: `未启用 HTTPS（${reason}）`, items: [{ url: where, reason }] }], notes };
  }
  if (probe.fault) {
    notes.unshift({ check: 'https', ok: false, text: `HTTPS 证书无效：${probe.fault.message}` });
    return {
      observations: [
        {
          detect: 'https',
          count: 1,
          summary: `HTTPS 证书无效：${probe.fault.message}`,
          items: [{ url: where, reason: probe.fault.message }],
        },
      ],
      notes,
    };
  }
  notes.unshift({ check: 'https', ok: true, text: `${host} 已启用 HTTPS，证书有效` });
  return { observations: [], notes };
}
