#!/usr/bin/env node
// Launcher of the `cost-council` CLI: runs the TypeScript sources through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../main/hosts/cli-main.ts');
