import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  isAllowedNavigation,
  isAllowedRequest,
  secureWebPreferences,
  withContentSecurityPolicy,
  type HardenableSession,
  type HardenableWebContents,
} from './security.js';

const ROOT = '/opt/Cost Council/resources/app.asar/dist/web';
const PAGE = 'file:///opt/Cost%20Council/resources/app.asar/dist/web/index.html';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences({ preload: '/app/dist/electron/preload.cjs', devTools: false });

  it('isolates the page from the preload (contextIsolation)', () => expect(prefs.contextIsolation).toBe(true));
  it('sandboxes the renderer', () => expect(prefs.sandbox).toBe(true));
  it('gives the page, its workers and frames no Node', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });
  it('keeps web security on and insecure content off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });
  it('has no <webview> tag', () => expect(prefs.webviewTag).toBe(false));
  it('turns the spellchecker off (it would download dictionaries)', () => expect(prefs.spellcheck).toBe(false));
  it('does not navigate to dropped files', () => expect(prefs.navigateOnDragDrop).toBe(false));
  it('uses the given preload and devTools setting', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences({ preload: 'p', devTools: true }).devTools).toBe(true);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('never allows eval (only WebAssembly compilation)', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('names no remote host or scheme wildcard', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*|\/\//);
    for (const values of directives.values()) {
      for (const value of values) expect(["'self'", "'none'", "'wasm-unsafe-eval'", "'unsafe-inline'", 'data:']).toContain(value);
    }
  });

  it('forbids plugins, <base>, form posts and framing', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('falls back to self and allows inline styles only for styles', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(CONTENT_SECURITY_POLICY.match(/'unsafe-inline'/g)).toHaveLength(1);
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces a CSP header whatever its case and keeps the other headers', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('adds the CSP when the response has no headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('isAllowedNavigation', () => {
  it('allows the app’s own pages, with a hash route or query', () => {
    expect(isAllowedNavigation(PAGE, ROOT)).toBe(true);
    expect(isAllowedNavigation(`${PAGE}#/overview`, ROOT)).toBe(true);
    expect(isAllowedNavigation(`${PAGE}?x=1`, ROOT)).toBe(true);
    expect(isAllowedNavigation('file:///opt/Cost%20Council/resources/app.asar/dist/web/assets/a.js', ROOT)).toBe(true);
  });

  it('accepts the root as a file URL or with a trailing slash', () => {
    expect(isAllowedNavigation(PAGE, 'file:///opt/Cost%20Council/resources/app.asar/dist/web/')).toBe(true);
    expect(isAllowedNavigation(PAGE, `${ROOT}/`)).toBe(true);
  });

  it('refuses http(s) and other schemes', () => {
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'blob:file:///0b6c1d6e',
      'about:blank',
      'ftp://example.com/x',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(isAllowedNavigation(url, ROOT), url).toBe(false);
    }
  });

  it('refuses other file:// paths, including siblings that share the root as a prefix', () => {
    for (const url of [
      'file:///etc/passwd',
      'file:///opt/Cost%20Council/resources/app.asar/dist/web',
      'file:///opt/Cost%20Council/resources/app.asar/dist/web-evil/index.html',
      'file:///opt/Cost%20Council/resources/app.asar/dist/electron/main.cjs',
      'file://server/opt/Cost%20Council/resources/app.asar/dist/web/index.html',
    ]) {
      expect(isAllowedNavigation(url, ROOT), url).toBe(false);
    }
  });

  it('refuses escapes by dot segments, encoded dots or encoded separators', () => {
    for (const url of [
      'file:///opt/Cost%20Council/resources/app.asar/dist/web/../../../../etc/passwd',
      'file:///opt/Cost%20Council/resources/app.asar/dist/web/%2e%2e/electron/main.cjs',
      'file:///opt/Cost%20Council/resources/app.asar/dist/web/..%2f..%2felectron%2fmain.cjs',
      'file:///opt/Cost%20Council/resources/app.asar/dist/web/..%5c..%5cetc',
      'file:///opt/Cost%20Council/resources/app.asar/dist/web/x%00.html',
      'file:///opt/Cost%20Council/resources/app.asar/dist/web/%E0%A4%A.html',
    ]) {
      expect(isAllowedNavigation(url, ROOT), url).toBe(false);
    }
  });

  it('handles Windows roots, without case', () => {
    const root = 'C:\\Program Files\\Cost Council\\resources\\app.asar\\dist\\web';
    expect(isAllowedNavigation('file:///C:/Program%20Files/Cost%20Council/resources/app.asar/dist/web/index.html', root)).toBe(true);
    expect(isAllowedNavigation('file:///c:/program%20files/cost%20council/resources/app.asar/dist/web/index.html', root)).toBe(true);
    expect(isAllowedNavigation('file:///D:/Program%20Files/Cost%20Council/resources/app.asar/dist/web/index.html', root)).toBe(false);
    expect(isAllowedNavigation('file:///C:/Windows/System32/drivers/etc/hosts', root)).toBe(false);
  });

  it('refuses everything when the root is relative, not normalised or the file-system root', () => {
    expect(isAllowedNavigation(PAGE, 'dist/web')).toBe(false);
    expect(isAllowedNavigation(PAGE, '/opt/x/../Cost Council/resources/app.asar/dist/web')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', '/')).toBe(false);
    expect(isAllowedNavigation(PAGE, '')).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it('allows the app’s own files, data:, blob: and the developer tools', () => {
    expect(isAllowedRequest(PAGE, ROOT)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', ROOT)).toBe(true);
    expect(isAllowedRequest('blob:file:///6c0c1b1e-aaaa', ROOT)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', ROOT)).toBe(true);
  });

  it('blocks the network and files outside the app', () => {
    for (const url of ['https://fonts.googleapis.com/css', 'http://127.0.0.1:8080/', 'wss://example.com/', 'ftp://x/', 'file:///home/user/.ssh/id_rsa', 'chrome://gpu']) {
      expect(isAllowedRequest(url, ROOT), url).toBe(false);
    }
  });
});

describe('hardenSession', () => {
  type Recorded = Record<string, (...args: never[]) => unknown>;

  function fakeSession(): { session: HardenableSession; handlers: Recorded; spellchecker: boolean[] } {
    const handlers: Recorded = {};
    const spellchecker: boolean[] = [];
    const record = (name: string) => (handler: (...args: never[]) => unknown) => {
      handlers[name] = handler;
    };
    const session = {
      setPermissionRequestHandler: record('permissionRequest'),
      setPermissionCheckHandler: record('permissionCheck'),
      setDevicePermissionHandler: record('devicePermission'),
      setSpellCheckerEnabled: (enabled: boolean) => spellchecker.push(enabled),
      webRequest: { onBeforeRequest: record('beforeRequest'), onHeadersReceived: record('headersReceived') },
    };
    return { session: session as unknown as HardenableSession, handlers, spellchecker };
  }

  it('denies every permission request and check', () => {
    const { session, handlers, spellchecker } = fakeSession();
    hardenSession(session, ROOT);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = [];
      const request = handlers.permissionRequest as unknown as (wc: null, p: string, cb: (granted: boolean) => void) => void;
      request(null, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
      const check = handlers.permissionCheck as unknown as (wc: null, p: string) => boolean;
      expect(check(null, permission)).toBe(false);
    }
    expect((handlers.devicePermission as unknown as () => boolean)()).toBe(false);
    expect(spellchecker).toEqual([false]);
  });

  it('cancels requests to the network and sets the CSP on responses', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, ROOT);
    const before = handlers.beforeRequest as unknown as (d: { url: string }, cb: (r: { cancel?: boolean }) => void) => void;
    const answers: Array<{ cancel?: boolean }> = [];
    before({ url: 'https://example.com/' }, (r) => answers.push(r));
    before({ url: PAGE }, (r) => answers.push(r));
    expect(answers).toEqual([{ cancel: true }, { cancel: false }]);

    const headers = handlers.headersReceived as unknown as (
      d: { url: string; responseHeaders?: Record<string, string[]> },
      cb: (r: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
    const replies: Array<{ responseHeaders?: Record<string, string[]> }> = [];
    headers({ url: PAGE, responseHeaders: {} }, (r) => replies.push(r));
    headers({ url: 'devtools://devtools/bundled/inspector.html' }, (r) => replies.push(r));
    expect(replies[0]?.responseHeaders?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(replies[1]).toEqual({});
  });
});

describe('hardenWebContents', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { url: string; preventDefault(): void }) => void>();
    let windowOpen: (() => { action: string }) | null = null;
    const contents: HardenableWebContents = {
      on: (name: string, listener: (event: { url: string; preventDefault(): void }) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler) => {
        windowOpen = handler;
      },
    };
    const fire = (name: string, url: string): boolean => {
      let prevented = false;
      listeners.get(name)?.({ url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    return { contents, fire, windowOpen: () => windowOpen?.() };
  }

  it('blocks navigation away from the app and allows its own pages', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, ROOT);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(fire(event, 'https://example.com/'), event).toBe(true);
      expect(fire(event, 'file:///etc/passwd'), event).toBe(true);
      expect(fire(event, `${PAGE}#/reports`), event).toBe(false);
    }
  });

  it('denies every new window and every webview', () => {
    const { contents, fire, windowOpen } = fakeContents();
    hardenWebContents(contents, ROOT);
    expect(windowOpen()).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview', PAGE)).toBe(true);
  });
});
