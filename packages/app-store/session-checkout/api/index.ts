export { default as add } from "./add";
export { default as cron } from "./cron";
export { default as inngest } from "./inngest";
export { default as survey } from "./survey";
export { default as unsubscribe } from "./unsubscribe";
