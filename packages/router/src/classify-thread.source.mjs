// Source runs only (tsx, vitest): a thread cannot load TypeScript by itself on Node 20, so the
// classifier pool starts its threads here and this imports classify-thread.ts through tsx's API.
// Built apps start from dist/classify-thread.js instead (see classifier-pool.ts).
import { tsImport } from 'tsx/esm/api';

const thread = await tsImport('./classify-thread.ts', import.meta.url);

export default thread.default;
