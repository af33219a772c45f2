/** Everything written to stdout, stderr and the console while `run` runs; it still reaches them. */
export async function capturingOutput<T>(run: () => Promise<T>): Promise<{ value: T; output: string }> {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  // Kept to be put back as they were; called only with .call(stream).
  // eslint-disable-next-line @typescript-eslint/unbound-method -- see above
  const writes = streams.map((s) => s.write);
  const consoleMethods = ["log", "error", "warn", "info", "debug", "trace"] as const;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- console's methods need no `this`
  const originals = consoleMethods.map((m) => console[m]);
  streams.forEach((stream, i) => {
    const write = writes[i];
    stream.write = (chunk: unknown, ...rest: unknown[]) => {
      chunks.push(Buffer.isBuffer(chunk) ? chunk.toString("latin1") : String(chunk));
      return (write as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    };
  });
  consoleMethods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      chunks.push(args.map(String).join(" "));
      (originals[i] as (...a: unknown[]) => void)(...args);
    };
  });
  try {
    return { value: await run(), output: chunks.join("") };
  } finally {
    streams.forEach((stream, i) => {
      stream.write = writes[i] as typeof stream.write;
    });
    consoleMethods.forEach((m, i) => {
      console[m] = originals[i] as (typeof console)[typeof m];
    });
  }
}
