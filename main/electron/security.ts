/**
 * Everything that keeps the desktop window safe, in one place: the window's web preferences, the
 * Content Security Policy, which URLs the window may load or navigate to, and the session handlers
 * that enforce them (no network, no permissions, no new windows, no navigation away).
 *
 * Pure: this module imports only Electron's *types* and no Node module, so it runs in plain Node
 * tests and may be bundled into the sandboxed preload (through ./ipc-validation.ts).
 */
import type { Session, WebPreferences } from 'electron';

/** The secure settings of the one app window. `preload` is the bundled CommonJS preload's path. */
export function secureWebPreferences(options: { preload: string; devTools: boolean }): WebPreferences {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: options.devTools,
  };
}

/**
 * The Content Security Policy of the app's pages. `'wasm-unsafe-eval'` lets WebAssembly compile
 * (sql.js) without allowing `eval`; `'unsafe-inline'` styles are needed by MUI/emotion.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

function policyString(directives: ReadonlyArray<readonly [string, string]>): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

export const CONTENT_SECURITY_POLICY = /* @__PURE__ */ policyString(CSP_DIRECTIVES);

/** Response headers with any CSP the response carried replaced by ours. */
export function withContentSecurityPolicy(headers: Readonly<Record<string, string[]>> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/**
 * A file path in the form it takes in a file URL's path, decoded: `/opt/app`, `/C:/app`,
 * `//server/share/app`. Null for anything that is not an absolute, normalised path.
 */
function rootAsUrlPath(appRoot: string): string | null {
  if (appRoot.startsWith('file:')) return fileUrlPath(appRoot);
  let path = appRoot.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(path)) path = `/${path}`;
  if (!path.startsWith('/')) return null;
  const isUnc = path.startsWith('//');
  const body = path.replace(/^\/+/, '').replace(/\/+$/, '');
  const segments = body.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || segment.includes('\0'))) return null;
  return `${isUnc ? '//' : '/'}${body}`;
}

/** The decoded path of a file URL (`//host/path` for UNC URLs); null when it is not a clean one. */
function fileUrlPath(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'file:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
  // Encoded separators and NULs could smuggle a path out of the root after decoding.
  if (/%(2f|5c|00)/i.test(parsed.pathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (decoded.split('/').some((segment) => segment === '.' || segment === '..')) return null;
  const path = parsed.host === '' || parsed.host === 'localhost' ? decoded : `//${parsed.host}${decoded}`;
  return path.replace(/\/+$/, '') || '/';
}

/**
 * Whether `url` is one of the app's own pages: a `file:` URL inside `appRoot` (the directory of the
 * built renderer, as a path or a file URL). Everything else (http(s), other files, javascript:,
 * data:, blob:, ...) is refused.
 */
export function isAllowedNavigation(url: string, appRoot: string): boolean {
  const root = rootAsUrlPath(appRoot);
  const path = fileUrlPath(url);
  if (root === null || path === null || root === '/') return false;
  // Windows paths (drive letter) compare without case; POSIX paths with case.
  const windows = /^\/[A-Za-z]:\//.test(`${root}/`);
  const [a, b] = windows ? [path.toLowerCase(), root.toLowerCase()] : [path, root];
  return a.startsWith(`${b}/`);
}

/**
 * Whether the session may make a request at all: the app's own files, data: and blob: URLs and the
 * developer tools. Nothing goes to the network.
 */
export function isAllowedRequest(url: string, appRoot: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'devtools' || scheme === 'data' || scheme === 'blob') return true;
  if (scheme === 'file') return isAllowedNavigation(url, appRoot);
  return false;
}

/**
 * Permissions the page may have: none (camera, notifications, clipboard, geolocation, HTML
 * fullscreen, ...). Add one here, with a test, if a feature needs it.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}

/** The parts of a session `hardenSession` uses. */
export type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setSpellCheckerEnabled'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest' | 'onHeadersReceived'> };

/** Denies every permission, blocks every request that is not the app's own, and sets the CSP. */
export function hardenSession(session: HardenableSession, appRoot: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, appRoot) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith('devtools:')) {
      callback({});
      return;
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

/** The parts of a WebContents `hardenWebContents` uses (main.ts passes real ones). */
export interface HardenableWebContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/** No new windows, no webviews, and navigation only between the app's own pages. */
export function hardenWebContents(contents: HardenableWebContents, appRoot: string): void {
  const guard = (event: NavigationEvent): void => {
    if (!isAllowedNavigation(event.url, appRoot)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
