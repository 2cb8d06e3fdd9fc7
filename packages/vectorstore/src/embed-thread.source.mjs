// Source runs only (tsx, vitest): a thread cannot load TypeScript by itself on Node 20, so the
// embedder pool starts its threads here and this imports embed-thread.ts through tsx's API.
// Built apps start from dist/embed-thread.js instead (see embed-pool.ts).
import { tsImport } from 'tsx/esm/api';

const thread = await tsImport('./embed-thread.ts', import.meta.url);

export default thread.default;
