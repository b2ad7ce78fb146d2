// A worker thread does not inherit tsx's loader hooks on Node 20: load the TypeScript through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
