/**
 * Which of the development overrides apply. REFUND_DESK_HOME (the data folder), REFUND_DESK_POLICY
 * (a policy.json of one's own) and REFUND_DESK_OS_LOG_SOCKET (a syslog socket for the journal's
 * witness) exist for development and tests; in the packaged app the environment is the agent's to
 * set, so all are ignored there and the doctor says so.
 */
const OVERRIDE_VARIABLES = ["REFUND_DESK_HOME", "REFUND_DESK_POLICY", "REFUND_DESK_OS_LOG_SOCKET"] as const;

export interface LaunchOverrides {
  packaged: boolean;
  dataDir: string | null;
  policyPath: string | null;
  osLogSocket: string | null;
  /** Set in the environment but not honoured (packaged). */
  ignored: string[];
  /** Set and honoured (development). */
  inUse: string[];
}

export function launchOverrides(env: NodeJS.ProcessEnv, packaged: boolean): LaunchOverrides {
  const given = (name: (typeof OVERRIDE_VARIABLES)[number]) => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
  const set = OVERRIDE_VARIABLES.filter((name) => given(name) !== null);
  if (packaged) return { packaged, dataDir: null, policyPath: null, osLogSocket: null, ignored: [...set], inUse: [] };
  return {
    packaged,
    dataDir: given("REFUND_DESK_HOME"),
    policyPath: given("REFUND_DESK_POLICY"),
    osLogSocket: given("REFUND_DESK_OS_LOG_SOCKET"),
    ignored: [],
    inUse: [...set],
  };
}
