import type { MouseEvent } from "react";

/** A click on a row itself, not on one of its own controls or the cells that hold them (a row that opens its session). */
export const isOnRowControl = (event: MouseEvent) => (event.target as HTMLElement).closest("a, button, input, label, [data-row-controls]") !== null;

/** A session's date as a button: the keyboard's way to what a click on its row does. */
export function SessionDateButton({ date, onOpen }: { date: string; onOpen: () => void }) {
  return (
    <button type="button" className="text-emphasis cursor-pointer border-0 bg-transparent p-0 text-left font-medium [font-family:inherit] hover:underline" onClick={onOpen}>
      {date}
    </button>
  );
}
