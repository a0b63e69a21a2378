/**
 * Runs one XState actor for the life of a component and re-renders on each new snapshot
 * (what @xstate/react's useActorRef + useSelector do; one small hook instead of a dependency).
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { createActor, type Actor, type AnyActorLogic, type ActorOptions, type SnapshotFrom } from 'xstate';

export function useActor<L extends AnyActorLogic>(logic: L, options: () => ActorOptions<L>): [SnapshotFrom<L>, Actor<L>] {
  // Created once: the options (input) are read on the first render only.
  const [actor] = useState(() => createActor(logic, options()).start());
  useEffect(
    () => () => {
      actor.stop();
    },
    [actor],
  );
  const subscribe = useCallback(
    (changed: () => void) => {
      const sub = actor.subscribe(changed);
      return () => sub.unsubscribe();
    },
    [actor],
  );
  const snapshot = useSyncExternalStore(subscribe, () => actor.getSnapshot());
  return [snapshot as SnapshotFrom<L>, actor];
}
