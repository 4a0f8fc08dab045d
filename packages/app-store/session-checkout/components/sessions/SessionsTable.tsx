import type { MouseEvent } from "react";

import { useAppLocale } from "../use-app-locale";
import { Button } from "@calcom/ui/components/button";

import type { SessionListRow } from "../../lib/services/session-list";
import { formatInZone } from "../format";
import { sessionListTitle } from "./session-title";
import { formatPrice } from "../money";
import { SESSION_TABLE_CLASS_NAME } from "../session-table";
import { SessionStatusBadge } from "../SessionStatusBadge";

/** A click on the row itself, not on one of its own controls or the cells that hold them. */
const onControl = (event: MouseEvent) => (event.target as HTMLElement).closest("a, button, input, label, [data-row-controls]") !== null;

/**
 * One page of sessions: a row opens its session; a checkbox and a Check Out button only where the
 * rules would check it out (the others say why on hover); the host's name in a team's list.
 */
export function SessionsTable({
  rows,
  timeZone,
  showHost,
  selected,
  busy,
  onToggle,
  onToggleAll,
  onOpen,
  onCheckout,
}: {
  rows: SessionListRow[];
  timeZone: string;
  showHost: boolean;
  selected: ReadonlySet<number>;
  busy: boolean;
  onToggle: (bookingId: number, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
  onOpen: (row: SessionListRow) => void;
  onCheckout: (row: SessionListRow) => void;
}) {
  const { t } = useAppLocale();
  const selectable = rows.filter((row) => row.checkout.allowed);
  return (
    <div className="border-subtle relative overflow-x-auto rounded-lg border">
      <table className={`${SESSION_TABLE_CLASS_NAME} text-sm [&_tbody_tr:last-child_td]:border-b-0`}>
        <thead className="bg-cal-muted text-subtle text-xs font-medium">
          <tr>
            <th scope="col" className="w-10">
              <input
                type="checkbox"
                className="w-auto"
                aria-label={t("session_checkout_select_all")}
                disabled={selectable.length === 0 || busy}
                checked={selectable.length > 0 && selectable.every((row) => selected.has(row.bookingId))}
                onChange={(e) => onToggleAll(e.target.checked)}
              />
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
                {/* Only rows the rules would check out can be selected; the others say why, on hover and to a screen reader. */}
                <input
                  type="checkbox"
                  className="w-auto"
                  aria-label={t("session_checkout_select_session", { session: sessionListTitle(row, timeZone) })}
                  aria-describedby={row.checkout.allowed ? undefined : `sc-why-${row.bookingId}`}
                  disabled={!row.checkout.allowed || busy}
                  title={row.checkout.allowed ? undefined : row.checkout.reason}
                  checked={selected.has(row.bookingId)}
                  onChange={(e) => onToggle(row.bookingId, e.target.checked)}
                />
                {row.checkout.allowed ? null : (
                  <span id={`sc-why-${row.bookingId}`} className="sr-only">
                    {row.checkout.reason}
                  </span>
                )}
              </td>
              <td className="whitespace-nowrap">
                {/* The keyboard's way to what a click on the row does. */}
                <button type="button" className="text-emphasis cursor-pointer border-0 bg-transparent p-0 text-left font-medium [font-family:inherit] hover:underline" onClick={() => onOpen(row)}>
                  {formatInZone(row.startTime, timeZone)}
                </button>
              </td>
              <td className="text-emphasis">{row.attendeeNames.join(", ")}</td>
              {showHost ? <td>{row.hostName ?? "—"}</td> : null}
              <td>{row.eventTypeTitle ?? "—"}</td>
              <td className="whitespace-nowrap">{formatPrice(row.price, row.currency, t)}</td>
              <td>
                <SessionStatusBadge status={row.status} />
              </td>
              <td className="text-right" data-row-controls="">
                {row.checkout.allowed ? (
                  <Button color="secondary" className="whitespace-nowrap px-2.5 py-1 text-xs" disabled={busy} aria-label={t("session_checkout_check_out_session", { session: sessionListTitle(row, timeZone) })} onClick={() => onCheckout(row)}>
                    {t("session_checkout_action_checkout")}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
