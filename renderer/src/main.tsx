/** Renderer entry: connect to the engine, open the startup workspace (web edition), render the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { EngineProvider } from './app/engine-context.js';
import { openStartupWorkspace } from './app/workspace-actions.js';
import { connectEngine } from './platform/connect-engine.js';

const root = createRoot(document.getElementById('root') as HTMLElement);

function showFailure(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  root.render(
    <main style={{ font: '16px system-ui', padding: 24 }}>
      <h1>Cost Council could not start</h1>
      <p role="alert">{message}</p>
    </main>,
  );
}

async function start(): Promise<void> {
  root.render(<p style={{ font: '16px system-ui', padding: 24 }} role="status">Starting Cost Council…</p>);
  const connection = await connectEngine();
  if (!connection.opensOwnWorkspace) await openStartupWorkspace(connection, location.search);
  root.render(
    <StrictMode>
      <EngineProvider connection={connection}>
        <App />
      </EngineProvider>
    </StrictMode>,
  );
}

start().catch(showFailure);
