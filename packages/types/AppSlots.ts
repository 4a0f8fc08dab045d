/** A module an app contributes to one of the host's slots (booking dialog, settings). Typed by the host that renders it. */
export interface AppSlotModule {
  default: unknown;
}
