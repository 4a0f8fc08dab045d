export * from "./generated/prisma/enums";
