/**
 * Platform names as seed 004's annex 2 writes them in its 第三方平台 column: the
 * account lists (seed 000, annex 1) say 微信订阅号, 微信服务号, 快手短视频, 抖音短视频;
 * the circular prints 微信号, 快手短视频号. Other names are printed as imported.
 */
export function platformAsWritten(platform: string | null | undefined): string {
  const p = (platform ?? '').trim();
  if (!p) return '';
  if (/^微信(订阅号|服务号|公众号)?$/u.test(p)) return '微信号';
  if (/短视频$/u.test(p)) return `${p}号`;
  return p;
}
