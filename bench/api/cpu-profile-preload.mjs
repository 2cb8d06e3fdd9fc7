// Preloaded with NODE_OPTIONS=--import (Node 20 refuses --cpu-prof there) by profile.ts: profiles
// the whole process with the inspector and writes a .cpuprofile to CPU_PROFILE_DIR when it exits.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 200 });
session.post('Profiler.start');
process.on('exit', () => {
  // The same-thread session answers synchronously.
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(path.join(process.env.CPU_PROFILE_DIR ?? '.', `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
