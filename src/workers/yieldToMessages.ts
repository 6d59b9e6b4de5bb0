/**
 * Lets messages queued for the worker (pause, a new config, a preempting request) in between
 * chunks of work: a MessageChannel round trip, without setTimeout's 4 ms clamp after nesting.
 */
export function yieldToMessages(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
