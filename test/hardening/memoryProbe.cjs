// Preloaded into the server under test (NODE_OPTIONS=--expose-gc --require …): on SIGUSR2 it runs a full garbage
// collection and writes process.memoryUsage() to $PRESENCE_MEMORY_FILE, so a test can read the memory the server
// really holds (RSS also counts heap V8 has reserved and not returned, which grows in steps whatever is live).
'use strict';
const fs = require('node:fs');
process.on('SIGUSR2', () => {
  global.gc();
  fs.writeFileSync(process.env.PRESENCE_MEMORY_FILE, JSON.stringify(process.memoryUsage()));
});
