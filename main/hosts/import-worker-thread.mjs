// Entry of an import worker thread: the TypeScript sources run through tsx's loader, as the CLI's do.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker-thread.ts');
