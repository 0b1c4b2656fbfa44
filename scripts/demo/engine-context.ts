/** A CallContext for calling engine handlers directly in-process (no port, no cancel, events dropped). */
import type { CallContext } from '../../shared/rpc.js';

export function inProcessContext(requestId = 1): CallContext {
  return { requestId, cancelled: false, emit: () => undefined };
}
