// `pnpm start`: the whole local stack with embedded defaults. Ctrl-C (or SIGTERM) stops everything
// it started, also while it is still starting.
import { startStack, StackError, type RunningStack } from '@switchyard/stack';
import { appEnvironment, loadLauncherEnv, type LauncherEnv } from './env';

const log = (line: string) => console.log(`[switchyard] ${line}`);
const started = Date.now();

let settings: LauncherEnv;
try {
  settings = loadLauncherEnv();
} catch (error) {
  console.error(`[switchyard] ${(error as Error).message}`);
  process.exit(1);
}

const startup = new AbortController();
let stack: RunningStack | undefined;
let stopping = false;
const shutdown = async (reason: string, exitCode: number) => {
  if (stopping) return;
  stopping = true;
  if (!stack) {
    log(`${reason}: interrupting start-up…`);
    startup.abort();
    return; // startStack stops what it started and rejects; the catch below exits.
  }
  log(`${reason}: stopping web, worker, api, Chroma and Redis…`);
  await stack.stop();
  log('stopped.');
  process.exit(exitCode);
};
// Installed before anything starts, so a signal during the build or a health wait leaves no orphans.
process.on('SIGINT', () => void shutdown('SIGINT', 0));
process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

try {
  stack = await startStack({
    ports: { web: settings.WEB_PORT, api: settings.API_PORT, redis: settings.REDIS_PORT, chroma: settings.CHROMA_PORT },
    dataDir: settings.DATA_DIR,
    env: appEnvironment(),
    log,
    signal: startup.signal,
  });
  if (stopping) {
    // The signal came as the last app turned healthy: stop what is now fully started.
    await stack.stop();
    process.exit(0);
  }
  console.log(`
  Switchyard is ready in ${((Date.now() - started) / 1000).toFixed(1)} s

  Web        ${stack.webUrl}
  API        ${stack.apiUrl}   (docs: ${stack.apiUrl}/docs)
  Admin key  ${stack.adminKeyFile ? `in ${stack.adminKeyFile} (readable by you only): cat it to use it` : 'the ADMIN_API_KEY you set'}
             as "Authorization: Bearer <key>"; it is never printed, so it stays out of logs
  Data       ${stack.dataDir} (readable by you only)

  Press Ctrl-C to stop.
`);
  for (const [name, child] of stack.processes) {
    child.once('exit', (code, signal) => {
      if (stopping) return;
      log(`${name} exited (${signal ?? code}); see ${stack!.dataDir}/logs/${name}.log. Stopping the rest.`);
      void shutdown('exit', 1);
    });
  }
} catch (error) {
  console.error(`[switchyard] ${error instanceof StackError ? error.message : (error as Error).stack}`);
  process.exit(stopping ? 0 : 1);
}
