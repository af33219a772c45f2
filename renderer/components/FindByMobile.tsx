import { FindByMobilePanel } from "../lazy-parts";
import { useFindMobile, useStores, useT } from "../stores";

/**
 * "Customer has no tid?": the button on the first screen, and once pressed the panel that finds
 * the customer's transfers by mobile (FindByMobilePanel, loaded with the answer panels).
 */
export function FindByMobile({ onChosen }: { onChosen: () => void }) {
  const t = useT();
  const { findMobile } = useStores();
  const open = useFindMobile((s) => s.open);
  if (open) return <FindByMobilePanel onChosen={onChosen} />;
  return (
    <button
      type="button"
      className="button secondary find-mobile-open"
      data-testid="find-mobile-open"
      onClick={() => findMobile.getState().setOpen(true)}
    >
      {t("findMobile.open")}
    </button>
  );
}
