/**
 * The environment a deployment tool starts the installed app with: no development overrides, no
 * Electron or Node debugging variables (the packaged app refuses those: main/launch/launch-switches.ts).
 */
export function deploymentEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(REFUND_DESK_|ELECTRON_|NODE_(?!ENV$))/i.test(name)),
  );
}
