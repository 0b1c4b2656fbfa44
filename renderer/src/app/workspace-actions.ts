/** Open and save the workspace file: through the OS dialogs on the desktop, download/upload on the web. */
import type { EngineConnection } from '../platform/connect-engine.js';

export async function saveWorkspace({ api, shell }: EngineConnection): Promise<string | null> {
  const { bytes } = await api.exportWorkspace({});
  if (shell) return shell.saveWorkspaceAs(bytes);
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.sqlite3' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `workspace-${new Date().toISOString().slice(0, 10)}.costcouncil`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return link.download;
}

/** Asks for a workspace file and opens it; resolves to its name, or null when the user cancels. */
export async function openWorkspace({ api, shell }: EngineConnection): Promise<string | null> {
  const chosen = shell ? await shell.openWorkspaceFile() : await pickFile('.costcouncil,.sqlite,.db');
  if (!chosen) return null;
  await api.openWorkspace({ bytes: chosen.bytes });
  return chosen.name;
}

function pickFile(accept: string): Promise<{ name: string; bytes: Uint8Array } | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      resolve(file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/** The web edition starts on the workspace the server offers (the demo, or the one given to `npm start`). */
export async function openStartupWorkspace({ api }: EngineConnection, search: string): Promise<void> {
  if (new URLSearchParams(search).get('workspace') === 'empty') return;
  const response = await fetch('./startup.costcouncil');
  if (!response.ok) return;
  await api.openWorkspace({ bytes: new Uint8Array(await response.arrayBuffer()) });
}
