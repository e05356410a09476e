import { useEffect, useState } from 'react';

/** Time between two weeks of the playback, in ms: two years play in under a minute. */
export const PLAYBACK_STEP_MS = 450;

/**
 * Plays `week` forward one county week per PLAYBACK_STEP_MS from where it is up to `lastWeek`,
 * then stops; playing from the end starts over at `firstWeek`.
 */
export function usePlayback(week: number, setWeek: (week: number) => void, firstWeek: number, lastWeek: number) {
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setWeek(Math.min(lastWeek, week + 1));
      if (week + 1 >= lastWeek) setPlaying(false);
    }, PLAYBACK_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, week, setWeek, lastWeek]);
  const toggle = () => {
    if (!playing && week >= lastWeek) setWeek(firstWeek);
    setPlaying(!playing);
  };
  return { playing, toggle };
}
