export * as api from "./api";
export { default as sessionCheckoutRouter } from "./trpc/_router";
export { deriveSessionStatus, SESSION_STATUSES, SESSION_STATUS_LABELS, type SessionStatus } from "./lib/status";
export { planTransition, allowedActions, SESSION_ACTIONS, type SessionAction } from "./lib/transitions";
