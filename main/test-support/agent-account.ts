import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, copyFileSync, cpSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** The unprivileged account the CLI runs as when the tests run as root (nobody). */
const AGENT_UID = 65534;

/**
 * The checkout's CLI as an ordinary OS account. Run as root (CI), the tests hand that account its
 * own copy of everything it needs in a folder it can reach: Node, the CLI's entry and bundle, and
 * keytar. The checkout and Node's own folder may be open to root alone (a 0700 clone or toolchain).
 */
export function agentAccount(root: string) {
  const asRoot = process.getuid?.() === 0;
  const base = mkdtempSync(join(tmpdir(), "refund-desk-agent-"));
  chmodSync(base, 0o755);
  const node = join(base, "node");
  copyFileSync(process.execPath, node);
  chmodSync(node, 0o755);
  for (const file of ["bin/refund-desk.cjs", "dist/main/cli.js"]) {
    mkdirSync(dirname(join(base, file)), { recursive: true, mode: 0o755 });
    copyFileSync(join(root, file), join(base, file));
  }
  cpSync(join(root, "node_modules", "keytar"), join(base, "node_modules", "keytar"), {
    recursive: true,
    dereference: true,
  });

  return {
    /** A home folder of the account's own, where it may write. */
    home: (): string => {
      const home = mkdtempSync(join(base, "home-"));
      if (asRoot) chownSync(home, AGENT_UID, AGENT_UID);
      return home;
    },
    run: (args: string[], home: string, input = ""): { code: number | null; out: string; err: string } => {
      const result = spawnSync(node, [join(base, "bin", "refund-desk.cjs"), ...args], {
        cwd: home,
        input,
        encoding: "utf8",
        env: { PATH: "/usr/bin:/bin", HOME: home, REFUND_DESK_HOME: join(home, "data") },
        ...(asRoot ? { uid: AGENT_UID, gid: AGENT_UID } : {}),
      });
      return { code: result.status, out: result.stdout, err: result.stderr };
    },
  };
}
