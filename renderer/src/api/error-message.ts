/**
 * What the reviewer reads when a call fails. A refused input carries the
 * contract's own Chinese message per field ("只支持 .xlsx 或 .csv 文件"): show that,
 * not the generic line; zod's English defaults stay behind the generic line.
 */
export function errorMessage(error: { code: string; message: string; details: readonly string[] }): string {
  if (error.code !== 'invalid-input') return error.message;
  const ours = error.details.map((d) => d.slice(d.indexOf('：') + 1)).filter((m) => /[\u4e00-\u9fff]/u.test(m));
  return ours.length > 0 ? [...new Set(ours)].join('；') : error.message;
}
