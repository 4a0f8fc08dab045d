/** The signed-in user as tRPC handlers see it (a slice of Cal.com's TrpcSessionUser). */
export interface TrpcSessionUserData {
  id: number;
  name: string | null;
  email: string;
  timeZone: string;
  /** Cal.com's: 12 or 24 (null reads as 12, Cal.com's default). */
  timeFormat: number | null;
}

export type TrpcSessionUser = TrpcSessionUserData | null;
