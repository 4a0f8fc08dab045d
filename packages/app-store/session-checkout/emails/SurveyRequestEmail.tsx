import { Body, Button, Container, Head, Heading, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components";

import type { SurveyBranding } from "../lib/survey-branding";

export interface SurveyRequestProps {
  clientName: string;
  branding: SurveyBranding;
  sessionTitle: string;
  /** The session's date and time, already written in the client's time zone. */
  sessionWhen: string;
  /** The survey page for each rating, 1 to 5: opening one records nothing. */
  ratingLinks: ReadonlyArray<string>;
  /** The page that stops this host's surveys to this address (it asks before it does). */
  unsubscribeLink: string;
}

/** The survey request a client receives after a session is checked out. */
export function SurveyRequestEmail({ clientName, branding, sessionTitle, sessionWhen, ratingLinks, unsubscribeLink }: SurveyRequestProps) {
  const { hostName, teamName, logoUrl, brandColor, hideBranding } = branding;
  return (
    <Html lang="en">
      <Head />
      <Preview>{`How was your session with ${hostName}? One click to tell them.`}</Preview>
      <Body style={{ backgroundColor: "#f3f4f6", fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 12, borderTop: `6px solid ${brandColor}`, maxWidth: 520, padding: 28 }}>
          {logoUrl || teamName ? (
            <Section style={{ marginBottom: 16 }}>
              {logoUrl ? <Img src={logoUrl} alt={teamName ?? hostName} width="48" height="48" style={{ borderRadius: 8, display: "inline-block", verticalAlign: "middle" }} /> : null}
              {teamName ? <Text style={{ display: "inline-block", fontSize: 15, fontWeight: 600, margin: "0 0 0 10px", verticalAlign: "middle" }}>{teamName}</Text> : null}
            </Section>
          ) : null}
          <Heading as="h1" style={{ fontSize: 22, margin: "0 0 12px" }}>{`How was your session with ${hostName}?`}</Heading>
          <Text style={{ fontSize: 15, lineHeight: "22px" }}>
            {`Hi ${clientName}, thank you for your session "${sessionTitle}" on ${sessionWhen}. How would you rate it?`}
          </Text>
          <Section style={{ margin: "20px 0", textAlign: "center" }}>
            {ratingLinks.map((href, index) => (
              <Button
                key={href}
                href={href}
                aria-label={`Rate ${index + 1} out of 5`}
                style={{ backgroundColor: brandColor, borderRadius: 8, color: "#ffffff", display: "inline-block", fontSize: 18, fontWeight: 700, margin: "0 4px", padding: "12px 16px" }}
              >
                {String(index + 1)}
              </Button>
            ))}
          </Section>
          <Text style={{ color: "#6b7280", fontSize: 13 }}>1 = poor, 5 = excellent. You can add a comment on the next page; nothing is recorded until you send it.</Text>
          <Hr />
          <Text style={{ color: "#9ca3af", fontSize: 12 }}>
            {`You received this because you had a session with ${hostName}. `}
            <Link href={unsubscribeLink} style={{ color: "#6b7280" }}>
              {`Stop surveys from ${hostName}`}
            </Link>
          </Text>
          {hideBranding ? null : <Text style={{ color: "#9ca3af", fontSize: 12, margin: 0 }}>Sent with Session Checkout for Cal.com</Text>}
        </Container>
      </Body>
    </Html>
  );
}
