import { useAppLocale } from "../use-app-locale";
import { Button } from "@calcom/ui/components/button";

import type { SessionListRow } from "../../lib/services/session-list";
import { useFormatInZone } from "../use-format-in-zone";
import { formatPrice } from "../money";
import { SESSION_TABLE_CLASS_NAME } from "../session-table";
import { SessionStatusBadge } from "../SessionStatusBadge";
import { isOnRowControl, SessionDateButton } from "./row-open";
import { useSessionListTitle } from "./session-title";

interface RowProps {
  row: SessionListRow;
  /** The row's date and its name for screen readers, written once per row (the table and the card share them). */
  date: string;
  title: string;
  selected: ReadonlySet<number>;
  busy: boolean;
  onToggle: (bookingId: number, on: boolean) => void;
  onOpen: (row: SessionListRow) => void;
  onCheckout: (row: SessionListRow) => void;
}

/** Only rows the rules would check out can be selected; the others say why, on hover and to a screen reader. */
function RowCheckbox({ row, title, selected, busy, onToggle, idPrefix }: RowProps & { idPrefix: string }) {
  const { t } = useAppLocale();
  return (
    <>
      <input
        type="checkbox"
        className="w-auto"
        aria-label={t("session_checkout_select_session", { session: title })}
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

function CheckoutButton({ row, title, busy, onCheckout }: RowProps) {
  const { t } = useAppLocale();
  if (!row.checkout.allowed) return null;
  return (
    <Button color="secondary" className="whitespace-nowrap px-2.5 py-1 text-xs" disabled={busy} aria-label={t("session_checkout_check_out_session", { session: title })} onClick={() => onCheckout(row)}>
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
  timeZone,
  ...handlers
}: Omit<RowProps, "row" | "date" | "title"> & {
  rows: SessionListRow[];
  timeZone: string;
  showHost: boolean;
  onToggleAll: (on: boolean) => void;
}) {
  const { t } = useAppLocale();
  const formatInZone = useFormatInZone();
  const sessionListTitle = useSessionListTitle();
  const { selected, busy, onOpen } = handlers;
  // Each row's props, its date and name written once for the table and the card alike.
  const rowProps = rows.map((row): RowProps => ({ ...handlers, row, date: formatInZone(row.startTime, timeZone), title: sessionListTitle(row, timeZone) }));
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
            {rowProps.map((props) => (
              <tr key={props.row.bookingId} className="hover:bg-cal-muted cursor-pointer" onClick={(event) => !isOnRowControl(event) && onOpen(props.row)}>
                <td data-row-controls="">
                  <RowCheckbox idPrefix="sc-table" {...props} />
                </td>
                <td className="whitespace-nowrap">
                  <SessionDateButton date={props.date} onOpen={() => onOpen(props.row)} />
                </td>
                <td className="text-emphasis">{props.row.attendeeNames.join(", ")}</td>
                {showHost ? <td>{props.row.hostName ?? "—"}</td> : null}
                <td>{props.row.eventTypeTitle ?? "—"}</td>
                <td className="whitespace-nowrap">{formatPrice(props.row.price, props.row.currency, t)}</td>
                <td>
                  <SessionStatusBadge status={props.row.status} />
                </td>
                <td className="text-right" data-row-controls="">
                  <CheckoutButton {...props} />
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
          {rowProps.map((props) => (
            <li key={props.row.bookingId} className="flex cursor-pointer gap-3 px-3 py-3" onClick={(event) => !isOnRowControl(event) && onOpen(props.row)}>
              <div data-row-controls="" className="pt-0.5">
                <RowCheckbox idPrefix="sc-card" {...props} />
              </div>
              <div className="min-w-0 flex-1 text-sm">
                <div className="flex items-start justify-between gap-2">
                  <SessionDateButton date={props.date} onOpen={() => onOpen(props.row)} />
                  <SessionStatusBadge status={props.row.status} />
                </div>
                <p className="text-emphasis m-0 mt-0.5">{props.row.attendeeNames.join(", ")}</p>
                <p className="text-subtle m-0">
                  {[props.row.eventTypeTitle ?? "—", formatPrice(props.row.price, props.row.currency, t), ...(showHost && props.row.hostName ? [props.row.hostName] : [])].join(" · ")}
                </p>
                {props.row.checkout.allowed ? (
                  <div data-row-controls="" className="mt-2">
                    <CheckoutButton {...props} />
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
