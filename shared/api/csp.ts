/**
 * The Content-Security-Policy of the app's own pages, in both transports. The
 * site under review is never loaded in these pages; screenshots arrive as image
 * files (blob:/data: for thumbnails, kaoping-file: for evidence in the desktop
 * app), never as live frames.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: kaoping-file:",
  "font-src 'self' data:",
  // kaoping-file: lets the review workspace read an automated check's evidence list (JSON) in the desktop app, as browser mode reads it from 'self'.
  "connect-src 'self' kaoping-file:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
