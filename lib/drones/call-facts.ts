// What a published flight says about its call for service. A flight with no linked call has no
// call type and no dispatch time, so it shows "no call for service" and leaves the figures that
// are measured from dispatch (minutes to scene, first on scene) empty instead of printing values.
export const NO_CALL = "No call for service";

export type CallFacts = { callType: string; minutesFromDispatch: string; firstOnScene: string };

export function callFacts(
  f: {
    linkedToCall: boolean;
    categoryLabel: string;
    timeToSceneMin: number | null;
    firstOnScene?: boolean | null;
  },
  empty = "—",
): CallFacts {
  if (!f.linkedToCall) return { callType: NO_CALL, minutesFromDispatch: empty, firstOnScene: empty };
  return {
    callType: f.categoryLabel,
    minutesFromDispatch: f.timeToSceneMin === null ? empty : f.timeToSceneMin.toFixed(1),
    firstOnScene: f.firstOnScene === null || f.firstOnScene === undefined ? empty : f.firstOnScene ? "Yes" : "No",
  };
}
