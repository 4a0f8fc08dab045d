import type { MouseEvent } from "react";

import { useAppLocale } from "../use-app-locale";
import { Button } from "@calcom/ui/components/button";

import type { SessionListRow } from "../../lib/services/session-list";
import { useFormatInZone } from "../use-format-in-zone";
import { formatPrice } from "../money";
import { SESSION_TABLE_CLASS_NAME } from "../session-table";
import { SessionStatusBadge } from "../SessionStatusBadge";
import { useSessionListTitle } from "./session-title";

/** A click on the row itself, not on one of its own controls or the cells that hold them. */
const onControl = (event: MouseEvent) => (event.target as HTMLElement).closest("a, button, input, label, [data-row-controls]") !== null;

interface RowProps {
  row: SessionListRow;
  timeZone: string;
  selected: ReadonlySet<number>;
  busy: boolean;
  onToggle: (bookingId: number, on: boolean) => void;
  onOpen: (row: SessionListRow) => void;
  onCheckout: (row: SessionListRow) => void;
}

/** Only rows the rules would check out can be selected; the others say why, on hover and to a screen reader. */
function RowCheckbox({ row, timeZone, selected, busy, onToggle, idPrefix }: RowProps & { idPrefix: string }) {
  const { t } = useAppLocale();
  const sessionListTitle = useSessionListTitle();
  return (
    <>
      <input
        type="checkbox"
        className="w-auto"
        aria-label={t("session_checkout_select_session", { session: sessionListTitle(row, timeZone) })}
        aria-describedby={row.checkout.allowed ? undefined : `${idPrefix}-why-${row.bookingId}`}
        disabled={!row.checkout.allowed || busy}
        title={row.checkout.allowed ? undefined : row.checkout.reason}
        checked={selected.has(row.bookingId)}
        onChange={(e) => onToggle(row.bookingId, e.target.checked)}
      />
      {row.checkout.allowed ? null : (
        <span id={`${idPrefix}-why-${row.bookingId}`} className="sr-only">
          {row.checkout.reason}
        </span>
      )}
    </>
  );
}

/** The date, as the keyboard's way to what a click on the row does. */
function OpenButton({ row, timeZone, onOpen }: RowProps) {
  const formatInZone = useFormatInZone();
  return (
    <button type="button" className="text-emphasis cursor-pointer border-0 bg-transparent p-0 text-left font-medium [font-family:inherit] hover:underline" onClick={() => onOpen(row)}>
      {formatInZone(row.startTime, timeZone)}
    </button>
  );
}

function CheckoutButton({ row, timeZone, busy, onCheckout }: RowProps) {
  const { t } = useAppLocale();
  const sessionListTitle = useSessionListTitle();
  if (!row.checkout.allowed) return null;
  return (
    <Button color="secondary" className="whitespace-nowrap px-2.5 py-1 text-xs" disabled={busy} aria-label={t("session_checkout_check_out_session", { session: sessionListTitle(row, timeZone) })} onClick={() => onCheckout(row)}>
      {t("session_checkout_action_checkout")}
    </Button>
  );
}

/**
 * One page of sessions: a row opens its session; a checkbox and a Check Out button only where the
 * rules would check it out (the others say why on hover); the host's name in a team's list. A table
 * from a tablet up; on a phone, one card per session with the same parts, so its status and Check
 * Out are in view without scrolling sideways.
 */
export function SessionsTable({
  rows,
  showHost,
  onToggleAll,
  ...rowProps
}: Omit<RowProps, "row"> & {
  rows: SessionListRow[];
  showHost: boolean;
  onToggleAll: (on: boolean) => void;
}) {
  const { t } = useAppLocale();
  const { timeZone, selected, busy, onOpen } = rowProps;
  const selectable = rows.filter((row) => row.checkout.allowed);
  const allTicked = selectable.length > 0 && selectable.every((row) => selected.has(row.bookingId));
  return (
    <>
      <div className="border-subtle relative hidden overflow-x-auto rounded-lg border sm:block">
        <table className={`${SESSION_TABLE_CLASS_NAME} text-sm [&_tbody_tr:last-child_td]:border-b-0`}>
          <thead className="bg-cal-muted text-subtle text-xs font-medium">
            <tr>
              <th scope="col" className="w-10">
                <input type="checkbox" className="w-auto" aria-label={t("session_checkout_select_all")} disabled={selectable.length === 0 || busy} checked={allTicked} onChange={(e) => onToggleAll(e.target.checked)} />
              </th>
              <th scope="col">{t("session_checkout_date")}</th>
              <th scope="col">{t("session_checkout_client")}</th>
              {showHost ? <th scope="col">{t("session_checkout_host")}</th> : null}
              <th scope="col">{t("session_checkout_event_type")}</th>
              <th scope="col">{t("session_checkout_price")}</th>
              <th scope="col">{t("session_checkout_status")}</th>
              <th scope="col">
                <span className="sr-only">{t("session_checkout_actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.bookingId} className="hover:bg-cal-muted cursor-pointer" onClick={(event) => !onControl(event) && onOpen(row)}>
                <td data-row-controls="">
                  <RowCheckbox row={row} idPrefix="sc-table" {...rowProps} />
                </td>
                <td className="whitespace-nowrap">
                  <OpenButton row={row} {...rowProps} />
                </td>
                <td className="text-emphasis">{row.attendeeNames.join(", ")}</td>
                {showHost ? <td>{row.hostName ?? "—"}</td> : null}
                <td>{row.eventTypeTitle ?? "—"}</td>
                <td className="whitespace-nowrap">{formatPrice(row.price, row.currency, t)}</td>
                <td>
                  <SessionStatusBadge status={row.status} />
                </td>
                <td className="text-right" data-row-controls="">
                  <CheckoutButton row={row} {...rowProps} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="sm:hidden">
        {selectable.length ? (
          <label className="text-subtle mb-2 flex items-center gap-2 text-sm">
            <input type="checkbox" className="w-auto" disabled={busy} checked={allTicked} onChange={(e) => onToggleAll(e.target.checked)} />
            {t("session_checkout_select_all")}
          </label>
        ) : null}
        <ul className="sc-cards border-subtle m-0 list-none divide-y divide-[var(--cal-border-subtle)] rounded-lg border p-0">
          {rows.map((row) => (
            <li key={row.bookingId} className="flex cursor-pointer gap-3 px-3 py-3" onClick={(event) => !onControl(event) && onOpen(row)}>
              <div data-row-controls="" className="pt-0.5">
                <RowCheckbox row={row} idPrefix="sc-card" {...rowProps} />
              </div>
              <div className="min-w-0 flex-1 text-sm">
                <div className="flex items-start justify-between gap-2">
                  <OpenButton row={row} {...rowProps} />
                  <SessionStatusBadge status={row.status} />
                </div>
                <p className="text-emphasis m-0 mt-0.5">{row.attendeeNames.join(", ")}</p>
                <p className="text-subtle m-0">
                  {[row.eventTypeTitle ?? "—", formatPrice(row.price, row.currency, t), ...(showHost && row.hostName ? [row.hostName] : [])].join(" · ")}
                </p>
                {row.checkout.allowed ? (
                  <div data-row-controls="" className="mt-2">
                    <CheckoutButton row={row} {...rowProps} />
                  </div>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
