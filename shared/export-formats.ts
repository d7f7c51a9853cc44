/** Every document Kaoping exports; the CLI, the API contract and the exporters share this list. */
export const EXPORT_FORMATS = ['annex-chaozhou', 'annex-zhanjiang', 'targets', 'detail', 'circular-chaozhou', 'circular-zhanjiang', 'evidence-pack'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
