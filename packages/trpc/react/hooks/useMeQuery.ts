import { trpc } from "../index";

/** Cal.com's useMeQuery (the same module path): the signed-in user, retried a few times. */
export function useMeQuery() {
  return trpc.viewer.me.get.useQuery(undefined, { retry: (failureCount) => failureCount <= 3 });
}

export default useMeQuery;
