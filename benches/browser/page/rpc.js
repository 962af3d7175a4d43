// A worker's side of the page's calls: {id, cmd, args} in, {id, ok, result | error} out.
'use strict';

/** Answers each message with handlers[cmd](args), one call at a time. */
self.answer = (handlers) => {
  let queue = Promise.resolve();
  self.onmessage = ({ data: { id, cmd, args } }) => {
    queue = queue.then(async () => {
      try {
        const handler = handlers[cmd];
        if (!handler) throw new Error(`this worker has no command "${cmd}"`);
        self.postMessage({ id, ok: true, result: await handler(args) });
      } catch (e) {
        self.postMessage({ id, ok: false, error: String(e?.stack ?? e?.message ?? e) });
      }
    });
  };
};
