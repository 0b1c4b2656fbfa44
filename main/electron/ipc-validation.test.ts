import { describe, expect, it } from 'vitest';
import { alertNotification } from '../../shared/alert-notification.js';
import {
  assertNoArguments,
  assertTrustedSender,
  checkWorkspaceBytes,
  ENGINE_PORT_CHANNEL,
  fileNameOf,
  hasSqliteHeader,
  IpcValidationError,
  isUint8Array,
  MAX_NOTIFICATION_BODY,
  MAX_NOTIFICATION_TITLE,
  notificationArgument,
  SHELL_CHANNELS,
  withWorkspaceExtension,
  workspaceArgument,
  workspaceBytesArgument,
} from './ipc-validation.js';

const ROOT = '/opt/cost-council/dist/web';
const PAGE = 'file:///opt/cost-council/dist/web/index.html';
const SQLITE = new TextEncoder().encode('SQLite format 3\0 and then pages');

describe('channels', () => {
  it('are a fixed, prefixed list, one per ShellApi method that needs main', () => {
    expect(Object.keys(SHELL_CHANNELS).sort()).toEqual(['chooseBillingFiles', 'notify', 'openWorkspaceFile', 'saveWorkspaceAs']);
    for (const channel of [...Object.values(SHELL_CHANNELS), ENGINE_PORT_CHANNEL]) expect(channel).toMatch(/^cost-council:[a-z-]+$/);
    expect(new Set(Object.values(SHELL_CHANNELS)).size).toBe(4);
  });
});

describe('assertTrustedSender', () => {
  it('accepts the main frame of the app’s own page', () => {
    expect(() => assertTrustedSender({ url: `${PAGE}#/import`, isMainFrame: true }, ROOT)).not.toThrow();
  });

  it('rejects other pages, subframes and vanished frames with a clear error', () => {
    expect(() => assertTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, ROOT)).toThrow(/not the app: https:\/\/evil/);
    expect(() => assertTrustedSender({ url: 'file:///tmp/x.html', isMainFrame: true }, ROOT)).toThrow(IpcValidationError);
    expect(() => assertTrustedSender({ url: PAGE, isMainFrame: false }, ROOT)).toThrow(/Only the app window/);
    expect(() => assertTrustedSender(null, ROOT)).toThrow(/page is gone/);
  });
});

describe('assertNoArguments', () => {
  it('accepts no arguments and rejects any', () => {
    expect(() => assertNoArguments('chooseBillingFiles', [])).not.toThrow();
    expect(() => assertNoArguments('chooseBillingFiles', ['/etc'])).toThrow('chooseBillingFiles takes no arguments; got 1.');
  });
});

describe('isUint8Array', () => {
  it('accepts Uint8Arrays and Node Buffers', () => {
    expect(isUint8Array(new Uint8Array(2))).toBe(true);
    expect(isUint8Array(Buffer.from('x'))).toBe(true);
  });

  it('rejects other views, buffers, arrays and look-alikes', () => {
    for (const value of [
      new Uint8ClampedArray(2),
      new Int8Array(2),
      new Uint16Array(2),
      new DataView(new ArrayBuffer(2)),
      new ArrayBuffer(2),
      [1, 2],
      'bytes',
      null,
      undefined,
      { length: 2, 0: 1, 1: 2 },
      { [Symbol.toStringTag]: 'Uint8Array' },
    ]) {
      expect(isUint8Array(value)).toBe(false);
    }
  });
});

describe('workspaceBytesArgument', () => {
  it('returns the one Uint8Array argument of a workspace', () => {
    expect(workspaceBytesArgument([SQLITE])).toBe(SQLITE);
  });

  it('rejects a wrong number of arguments', () => {
    expect(() => workspaceBytesArgument([])).toThrow('saveWorkspaceAs takes one argument (the workspace bytes); got 0.');
    expect(() => workspaceBytesArgument([SQLITE, '/etc/passwd'])).toThrow(/got 2/);
  });

  it('rejects anything but a Uint8Array, naming what it got', () => {
    expect(() => workspaceBytesArgument(['SQLite format 3'])).toThrow('saveWorkspaceAs needs a Uint8Array; got string.');
    expect(() => workspaceBytesArgument([new ArrayBuffer(20)])).toThrow(/got ArrayBuffer/);
    expect(() => workspaceBytesArgument([new Uint16Array(20)])).toThrow(/got Uint16Array/);
    expect(() => workspaceBytesArgument([[83, 81]])).toThrow(/got an array/);
    expect(() => workspaceBytesArgument([null])).toThrow(/got null/);
    expect(() => workspaceBytesArgument([{ bytes: SQLITE }])).toThrow(/got object/);
  });

  it('rejects empty bytes and bytes that are not an SQLite file', () => {
    expect(() => workspaceBytesArgument([new Uint8Array(0)])).toThrow('The bytes to save are empty.');
    expect(() => workspaceBytesArgument([new TextEncoder().encode('#!/bin/sh\nrm -rf ~\n')])).toThrow(/not a Cost Council workspace/);
  });
});

describe('notificationArgument', () => {
  it('returns the title (trimmed) and body of the one argument', () => {
    expect(notificationArgument([{ title: ' 2 new alerts ', body: 'Spike in ServiceName=Amazon EC2' }])).toEqual({ title: '2 new alerts', body: 'Spike in ServiceName=Amazon EC2' });
    expect(notificationArgument([{ title: 'x', body: '' }])).toEqual({ title: 'x', body: '' });
  });

  it('rejects a wrong number of arguments and anything but a plain {title, body}', () => {
    expect(() => notificationArgument([])).toThrow('notify takes one argument ({title, body}); got 0.');
    expect(() => notificationArgument([{ title: 'a', body: 'b' }, 'c'])).toThrow(/got 2/);
    expect(() => notificationArgument(['hello'])).toThrow('notify needs an object {title, body}; got string.');
    expect(() => notificationArgument([null])).toThrow(/got null/);
    expect(() => notificationArgument([['a', 'b']])).toThrow(/got an array/);
    expect(() => notificationArgument([new Uint8Array(2)])).toThrow(/got Uint8Array/);
    expect(() => notificationArgument([{ title: 'a', body: 'b', icon: '/etc/passwd' }])).toThrow('notify takes only title and body; got also icon.');
  });

  it('rejects an empty or non-text title, a non-text body and overlong text', () => {
    expect(() => notificationArgument([{ title: '  ', body: 'b' }])).toThrow('notify needs a title (non-empty text).');
    expect(() => notificationArgument([{ title: 3, body: 'b' }])).toThrow(/needs a title/);
    expect(() => notificationArgument([{ title: 'a' }])).toThrow('notify needs a body (text); got undefined.');
    expect(() => notificationArgument([{ title: 'a'.repeat(MAX_NOTIFICATION_TITLE + 1), body: '' }])).toThrow(`The notification title is ${MAX_NOTIFICATION_TITLE + 1} characters; at most ${MAX_NOTIFICATION_TITLE}.`);
    expect(() => notificationArgument([{ title: 'a', body: 'b'.repeat(MAX_NOTIFICATION_BODY + 1) }])).toThrow(/body is 501 characters; at most 500/);
    expect(() => notificationArgument([{ title: 'a'.repeat(MAX_NOTIFICATION_TITLE), body: 'b'.repeat(MAX_NOTIFICATION_BODY) }])).not.toThrow();
  });

  it('accepts every notification the renderer builds for an alerts event', () => {
    const top = ['x', 'y', 'z'].map((c) => ({ key: c, title: c.repeat(300), day: '2026-10-14', currency: 'USD', impact: 1, direction: 'spike' as const, kind: 'anomaly' as const, related: 300 }));
    expect(() => notificationArgument([alertNotification({ newAlerts: 1000, incidents: 900, top })])).not.toThrow();
  });
});

describe('checkWorkspaceBytes / hasSqliteHeader', () => {
  it('knows an SQLite header', () => {
    expect(hasSqliteHeader(SQLITE)).toBe(true);
    expect(hasSqliteHeader(SQLITE.subarray(0, 15))).toBe(false);
    expect(() => checkWorkspaceBytes(SQLITE, 'The file')).not.toThrow();
    expect(() => checkWorkspaceBytes(new Uint8Array(16), 'The file')).toThrow('The file are not a Cost Council workspace (not an SQLite file).');
  });
});

describe('withWorkspaceExtension / fileNameOf', () => {
  it('adds .costcouncil only when missing', () => {
    expect(withWorkspaceExtension('/tmp/q3')).toBe('/tmp/q3.costcouncil');
    expect(withWorkspaceExtension('/tmp/q3.costcouncil')).toBe('/tmp/q3.costcouncil');
    expect(withWorkspaceExtension('C:\\q3.CostCouncil')).toBe('C:\\q3.CostCouncil');
  });

  it('takes the file name of POSIX and Windows paths', () => {
    expect(fileNameOf('/tmp/a/q3.costcouncil')).toBe('q3.costcouncil');
    expect(fileNameOf('C:\\Users\\me\\q3.costcouncil')).toBe('q3.costcouncil');
    expect(fileNameOf('q3.costcouncil')).toBe('q3.costcouncil');
  });
});

describe('workspaceArgument', () => {
  it('finds the workspace in development and packaged command lines', () => {
    expect(workspaceArgument(['/x/electron', '.', 'team.costcouncil'])).toBe('team.costcouncil');
    expect(workspaceArgument(['C:\\Cost Council.exe', 'C:\\Data\\Q3.COSTCOUNCIL'])).toBe('C:\\Data\\Q3.COSTCOUNCIL');
    expect(workspaceArgument(['/x/cost-council', '--no-sandbox', '/data/a.costcouncil', '/data/b.costcouncil'])).toBe('/data/a.costcouncil');
  });

  it('skips the executable, options and other files', () => {
    expect(workspaceArgument(['/x/electron', '.'])).toBeNull();
    expect(workspaceArgument(['/x/a.costcouncil'])).toBeNull();
    expect(workspaceArgument(['/x/electron', '--workspace=a.costcouncil', 'bill.csv', '.costcouncil'])).toBeNull();
  });
});
