/**
 * The first frame is painted before main has said which environment is in force and which
 * counter this is. Until it does, the screens hold the space of what the last run showed
 * (environment-hint.ts), invisible, so nothing moves when the answers arrive.
 */
import { createContext, useContext } from "react";
import type { Environment } from "../app/settings";
import type { FirstFrameHint } from "./environment-hint";
import { useDesk, useSettings } from "./stores";

export const FirstFrame = createContext<FirstFrameHint>({ environment: "practice", counterName: null });

/** The environment whose header and Practice space to hold; null once main's settings answered. */
export function useHeldEnvironment(): Environment | null {
  const expected = useContext(FirstFrame).environment;
  const answered = useSettings((s) => s.view !== null || s.error !== null);
  return answered ? null : expected;
}

/** True while Practice's banner and list column are held. */
export function useHoldPracticeSpace(): boolean {
  return useHeldEnvironment() === "practice";
}

/** The counter name whose space to hold in the header; null once main's desk answered. */
export function useHeldCounterName(): string | null {
  const expected = useContext(FirstFrame).counterName;
  const answered = useDesk((s) => s.desk !== null);
  return answered ? null : expected;
}
