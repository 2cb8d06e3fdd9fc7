// Starts the fake LLM server: `tsx src/cli.ts [--port 4010] [--host 127.0.0.1] [--mode ok]`.
import { parseArgs } from 'node:util';
import { startFakeLlm, type FakeMode } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    mode: { type: 'string', default: 'ok' },
  },
});

const fake = await startFakeLlm({ port: Number(values.port), host: values.host });
fake.setBehavior({ mode: values.mode as FakeMode });
console.log(JSON.stringify({ url: fake.url, openaiBaseURL: fake.openaiBaseURL, anthropicBaseURL: fake.anthropicBaseURL }));

const stop = () => {
  void fake.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
