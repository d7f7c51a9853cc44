/**
 * Platform codes in 政务新媒体标识码 (e.g. 440802M003JR0001 → JR). No official
 * table of these codes was found (see ../shared/reference/standards.md §4): this
 * mapping is observed practice, kept in this one table so it can be corrected.
 */
export const PLATFORM_CODES: { code: string; names: string[] }[] = [
  // 小程序 first: "小程序+微信平台" is a mini program, not a WeChat account.
  { code: 'CX', names: ['小程序'] },
  { code: 'WX', names: ['微信'] },
  { code: 'XL', names: ['新浪微博', '微博'] },
  { code: 'DY', names: ['抖音'] },
  { code: 'JR', names: ['今日头条', '头条'] },
  { code: 'NF', names: ['南方号', '南方+'] },
  { code: 'KS', names: ['快手'] },
  { code: 'RM', names: ['人民号'] },
  { code: 'BJ', names: ['百家号'] },
  { code: 'YD', names: ['移动客户端', '一点号', 'APP', '客户端'] },
];

/** The code an account type names ("微信订阅号" → WX), or undefined when unknown. */
export function platformCodeOf(accountType: string): string | undefined {
  const text = accountType.replace(/\s+/gu, '');
  return PLATFORM_CODES.find((p) => p.names.some((n) => text.includes(n)))?.code;
}

/** 6-digit region code, M, 3-digit unit number, 2-letter platform code, 4-digit serial. */
export const IDENTIFIER_PATTERN = /^(\d{6})M(\d{3})([A-Z]{2})(\d{4})$/u;
