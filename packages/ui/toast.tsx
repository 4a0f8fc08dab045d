"use client";

export { Toaster, toast as showToast } from "sonner";
