// `pnpm start`: the whole local stack with embedded defaults. Ctrl-C stops everything it started.
import { startStack, StackError } from '@switchyard/stack';

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const log = (line: string) => console.log(`[switchyard] ${line}`);
const started = Date.now();

try {
  const stack = await startStack({
    ports: { web: port('WEB_PORT', 3000), api: port('API_PORT', 4000), redis: port('REDIS_PORT', 6379), chroma: port('CHROMA_PORT', 8000) },
    dataDir: process.env.DATA_DIR,
    env: process.env,
    log,
  });
  console.log(`
  Switchyard is ready in ${((Date.now() - started) / 1000).toFixed(1)} s

  Web        ${stack.webUrl}
  API        ${stack.apiUrl}   (docs: ${stack.apiUrl}/docs)
  Admin key  ${stack.adminKey}
             (stored in ${stack.dataDir}/admin-api-key; use it as "Authorization: Bearer <key>")

  Press Ctrl-C to stop.
`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping web, worker, api, Chroma and Redis…`);
    await stack.stop();
    log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  for (const [name, child] of stack.processes) {
    child.once('exit', (code, signal) => {
      if (stopping) return;
      log(`${name} exited (${signal ?? code}); see ${stack.dataDir}/logs/${name}.log. Stopping the rest.`);
      void shutdown('exit').then(() => process.exit(1));
    });
  }
} catch (error) {
  console.error(`[switchyard] ${error instanceof StackError ? error.message : (error as Error).stack}`);
  process.exit(1);
}
