/** The signed-in user as tRPC handlers see it (a slice of Cal.com's TrpcSessionUser). */
export interface TrpcSessionUserData {
  id: number;
  name: string | null;
  email: string;
  timeZone: string;
}

export type TrpcSessionUser = TrpcSessionUserData | null;
