import { Body, Button, Container, Head, Heading, Html, Preview, Section, Text } from "@react-email/components";

export interface LowRatingAlertProps {
  hostName: string;
  clientName: string;
  clientEmail: string;
  rating: number;
  comment: string | null;
  sessionTitle: string;
  /** The session's date and time in the host's own time zone. */
  sessionWhen: string;
  /** Where the host opens the booking. */
  bookingLink: string;
  brandColor: string;
}

/** To the host, when a client's rating is at or below the threshold the host chose. */
export function LowRatingAlertEmail({ hostName, clientName, clientEmail, rating, comment, sessionTitle, sessionWhen, bookingLink, brandColor }: LowRatingAlertProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${clientName} rated "${sessionTitle}" ${rating} out of 5.`}</Preview>
      <Body style={{ backgroundColor: "#f3f4f6", fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 12, borderTop: `6px solid ${brandColor}`, maxWidth: 520, padding: 28 }}>
          <Heading as="h1" style={{ fontSize: 20, margin: "0 0 12px" }}>{`A client rated a session ${rating} out of 5`}</Heading>
          <Text style={{ fontSize: 15, lineHeight: "22px" }}>
            {`Hi ${hostName}, ${clientName} (${clientEmail}) rated "${sessionTitle}" (${sessionWhen}) ${rating} out of 5.`}
          </Text>
          <Section style={{ backgroundColor: "#f9fafb", borderLeft: `4px solid ${brandColor}`, margin: "16px 0", padding: "4px 16px" }}>
            <Text style={{ fontSize: 15, fontStyle: comment ? "normal" : "italic", whiteSpace: "pre-wrap" }}>{comment ?? "No comment was left."}</Text>
          </Section>
          <Button href={bookingLink} style={{ backgroundColor: brandColor, borderRadius: 8, color: "#ffffff", display: "inline-block", fontSize: 15, fontWeight: 700, padding: "12px 18px" }}>
            Open the booking
          </Button>
          <Text style={{ color: "#9ca3af", fontSize: 12, marginTop: 20 }}>
            You get this email because your low-rating alert is set in Settings › Calendar › General (Session Checkout).
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
