#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so a clone needs no build step for the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
