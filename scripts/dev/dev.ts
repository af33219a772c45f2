/**
 * `npm run dev`: esbuild watches main, the preload and the renderer. A save in the renderer rebuilds
 * it and reloads the window; a save in main or app/ restarts the host (and Electron, where its
 * binary exists), so the services run the code just saved. The window is the demo's: this machine's
 * Chromium, Chrome or Edge on the demo host, Practice only, a throwaway data folder.
 *
 *   npm run dev [-- --out <folder>] [--headless] [--once]
 *
 * --once builds, opens the window, waits for the first screen, and exits (the smoke test's mode).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, watch } from "node:fs";
import { homedir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { chromium, type Page } from "@playwright/test";
import { context, type BuildOptions, type BuildResult, type Plugin } from "esbuild";
import { findBrowser } from "../demo/browser";

/** scripts/bundles.mjs, the options `npm run build` builds with. */
interface Bundles {
  bundles: (root: string, out: string) => Record<"main" | "preload" | "renderer", BuildOptions>;
  writeRendererPage: (root: string, out: string, metafile: BuildResult["metafile"]) => void;
}

const root = join(__dirname, "..", "..");

function option(name: string): string | null {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? null : (process.argv[at + 1] ?? null);
}

/**
 * Resolves `first` after the bundle's first build (watch mode builds once as it starts), then calls
 * `then` after each later build that succeeded.
 */
function afterEachBuild(name: string, then: (result: BuildResult) => void | Promise<void>) {
  let builtOnce: (result: BuildResult) => void = () => undefined;
  const first = new Promise<BuildResult>((resolve) => (builtOnce = resolve));
  let built = false;
  const plugin: Plugin = {
    name: `dev-${name}`,
    setup(build) {
      build.onEnd(async (result) => {
        if (!built) {
          built = true;
          builtOnce(result);
        } else if (result.errors.length === 0) await then(result);
      });
    },
  };
  return { plugin, first };
}

/**
 * Electron's executable where `npm start` already put it, else null. Read from path.txt rather
 * than by loading electron's index.js, which would try to download it.
 */
function electronBinary(): string | null {
  try {
    const folder = dirname(createRequire(__filename).resolve("electron/package.json"));
    const path = join(folder, "dist", readFileSync(join(folder, "path.txt"), "utf8"));
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** The host process: started again on every change to main; resolves to its URL. */
function startHost(rendererRoot: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "dev-host.ts"), rendererRoot], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the dev host stopped (exit ${code})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
      if (line.startsWith("URL ")) resolve({ url: line.slice(4), child });
    });
  });
}

async function stopHost(host: { child: ChildProcess }): Promise<void> {
  host.child.removeAllListeners("exit");
  if (host.child.exitCode !== null) return;
  await new Promise((resolve) => {
    host.child.once("exit", resolve);
    host.child.kill("SIGTERM");
  });
}

async function dev(): Promise<number> {
  const out = option("out") ?? join(root, "dist");
  const once = process.argv.includes("--once");
  const headless = process.argv.includes("--headless");
  const browserFound = findBrowser({
    platform: process.platform,
    env: process.env,
    home: homedir(),
    exists: existsSync,
  });
  if (!browserFound.ok) {
    process.stderr.write(`refund-desk dev: ${browserFound.message}\n`);
    return 1;
  }
  const { bundles, writeRendererPage } = (await import(join(root, "scripts", "bundles.mjs"))) as Bundles;
  const options = bundles(root, out);

  let page: Page | null = null;
  let host: { url: string; child: ChildProcess } | null = null;
  let electron: ChildProcess | null = null;
  const electronPath = electronBinary();

  /** The host again (and Electron), on the code just saved; resolves to the host's URL. */
  async function restart(): Promise<string> {
    if (host) await stopHost(host);
    host = await startHost(join(out, "renderer"));
    if (page) await page.goto(host.url);
    if (electronPath && !once) {
      electron?.kill();
      electron = spawn(electronPath, [root], { stdio: "inherit" });
    }
    return host.url;
  }
  const reload = async () => {
    if (!page) return;
    await page.reload();
    process.stdout.write("renderer rebuilt: window reloaded\n");
  };

  let metafile: BuildResult["metafile"];
  const main = afterEachBuild("main", async () => {
    await restart();
    process.stdout.write("main rebuilt: host restarted, window reopened\n");
  });
  const preload = afterEachBuild("preload", () => undefined);
  const renderer = afterEachBuild("renderer", async (result) => {
    metafile = result.metafile;
    writeRendererPage(root, out, metafile);
    await reload();
  });
  const contexts = await Promise.all([
    context({ ...options.main, plugins: [main.plugin] }),
    context({ ...options.preload, plugins: [preload.plugin] }),
    context({ ...options.renderer, plugins: [renderer.plugin] }),
  ]);
  // Watch mode builds each bundle once as it starts: the window opens on those builds.
  await Promise.all(contexts.map((built) => built.watch()));
  const firsts = await Promise.all([main.first, preload.first, renderer.first]);
  if (firsts.some((result) => result.errors.length > 0)) {
    await Promise.all(contexts.map((built) => built.dispose()));
    return 1;
  }
  metafile = firsts[2].metafile;
  writeRendererPage(root, out, metafile);
  const url = await restart();

  const browser = await chromium.launch({ executablePath: browserFound.path, headless });
  const opened = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await opened.goto(url);
  await opened.getByTestId("tid-input").waitFor();
  page = opened;
  process.stdout.write(`Refund Desk dev: ready at ${url}\n`);

  const close = async () => {
    await Promise.all(contexts.map((built) => built.dispose()));
    await browser.close();
    if (host) await stopHost(host);
    electron?.kill();
  };
  if (once) {
    await close();
    return 0;
  }
  // index.html and styles.css are not in esbuild's graph: watched on their own.
  for (const file of ["index.html", "styles.css"])
    watch(join(root, "renderer", file), () => {
      writeRendererPage(root, out, metafile);
      void reload();
    });
  process.stdout.write("Watching main/, app/ and renderer/; Ctrl+C ends it.\n");
  await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
  await close();
  return 0;
}

dev().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`refund-desk dev: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
