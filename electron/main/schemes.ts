import { protocol } from 'electron';
import { APP_SCHEME } from '../services/security/app-url';

/** Evidence images and exports reach the app's page as kaoping-file://files/<assessment>/{evidence,exports}/… */
export const FILE_SCHEME = 'kaoping-file';

/**
 * The app's own schemes, registered once before the app is ready (Electron
 * takes one list): app:// serves the page itself as a standard, secure
 * origin, so 'self' in its CSP means exactly app://kaoping and file:// needs
 * no privileges at all (the GrantFileProtocolExtraPrivileges fuse is off).
 */
export function registerAppSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: FILE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}
