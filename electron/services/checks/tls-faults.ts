/**
 * TLS faults common on government sites, named the way a reviewer reports them.
 * They are faults of the host, not broken links: a missing intermediate
 * certificate breaks every link of that host for strict clients only.
 */
export type TlsFaultKind =
  | 'missing-intermediate'
  | 'self-signed'
  | 'expired'
  | 'not-yet-valid'
  | 'hostname-mismatch'
  | 'legacy-renegotiation'
  | 'old-protocol'
  | 'other';

export interface TlsFault {
  kind: TlsFaultKind;
  message: string;
}

const BY_CODE: Record<string, TlsFaultKind> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'missing-intermediate',
  UNABLE_TO_GET_ISSUER_CERT: 'missing-intermediate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'missing-intermediate',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not-yet-valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'hostname-mismatch',
  ERR_SSL_UNSAFE_LEGACY_RENEGOTIATION_DISABLED: 'legacy-renegotiation',
  ERR_SSL_UNSUPPORTED_PROTOCOL: 'old-protocol',
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'old-protocol',
  ERR_SSL_WRONG_VERSION_NUMBER: 'other',
};

const LABEL: Record<TlsFaultKind, string> = {
  'missing-intermediate': '证书链不完整（缺少中间证书）',
  'self-signed': '自签名证书',
  expired: '证书已过期',
  'not-yet-valid': '证书尚未生效',
  'hostname-mismatch': '证书与域名不符',
  'legacy-renegotiation': '服务器只支持不安全的旧式重协商',
  'old-protocol': '服务器只支持 TLS 1.2 以下的旧协议',
  other: 'TLS 握手失败',
};

/** The TLS fault behind a Node error, or null when the error is not about TLS. */
export function describeTlsFault(error: { code?: string; message?: string }): TlsFault | null {
  const code = error.code ?? '';
  const text = `${code} ${error.message ?? ''}`;
  let kind = BY_CODE[code];
  if (!kind) {
    if (/unsafe legacy renegotiation/iu.test(text)) kind = 'legacy-renegotiation';
    else if (/unsupported protocol|protocol version|tlsv1 alert protocol/iu.test(text)) kind = 'old-protocol';
    else if (/CERT|SSL|TLS|self.signed|unable to verify|EPROTO/iu.test(text)) kind = 'other';
    else return null;
  }
  return { kind, message: `${LABEL[kind]}（${code || error.message}）` };
}
