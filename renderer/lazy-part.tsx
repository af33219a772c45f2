import { lazy, Suspense, useState, type ComponentType, type JSX } from "react";

/** A component loaded on first use; `preload` fetches it ahead (when the window is idle). */
export type LazyPart<P> = ComponentType<P> & { preload: () => Promise<unknown> };

/**
 * A component from a chunk of its own. Once the chunk is in, new instances render it at once
 * (no Suspense round, so focus set on mount lands); an instance that started while it was loading
 * keeps its lazy wrapper for life, so its state is never lost to a remount.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed load (the app updated under a running window) may be tried again.
        loading = null;
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));

  function Part(props: P) {
    const [Ready] = useState(() => loaded);
    if (Ready) return <Ready {...props} />;
    return (
      <Suspense fallback={null}>
        <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  }
  return Object.assign(Part, { preload });
}
