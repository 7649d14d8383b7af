/** @jsxRuntime automatic @jsxImportSource react */
import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Img,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { MailContent } from "@tribune/domain/mail";

const colours = { ink: "#1d2433", muted: "#5b6475", accent: "#0b5cad", frame: "#f3f5f9" };

const styles = {
  body: {
    backgroundColor: colours.frame,
    color: colours.ink,
    fontFamily: "Helvetica, Arial, sans-serif",
  },
  container: {
    backgroundColor: "#ffffff",
    margin: "24px auto",
    maxWidth: "560px",
    padding: "32px",
  },
  heading: { fontSize: "22px", margin: "0 0 16px" },
  code: {
    fontFamily: "'Courier New', monospace",
    fontSize: "28px",
    lineHeight: "36px",
    fontWeight: 700,
    letterSpacing: "4px",
    margin: "8px 0",
    textAlign: "center" as const,
  },
  qr: { display: "block", margin: "0 auto 16px" },
  button: {
    backgroundColor: colours.accent,
    borderRadius: "6px",
    color: "#ffffff",
    fontWeight: 700,
    padding: "12px 20px",
    textDecoration: "none",
  },
  footer: { color: colours.muted, fontSize: "12px", lineHeight: "18px" },
};

/** The content id of the QR code image attached inline. */
export const QR_CID = "code-qr@tribune";

/** Every message's layout: heading, greeting, paragraphs, the code and its QR, one button. */
export function Message({ content }: { content: MailContent }) {
  // The code comes right after the paragraph that announces it (the one ending with a colon).
  const codeAfter = content.code ? content.paragraphs.findIndex((p) => p.endsWith(":")) : -1;
  return (
    <Html lang="fr">
      <Head />
      <Preview>{content.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {content.heading}
          </Heading>
          <Text>{content.greeting}</Text>
          {content.paragraphs.map((paragraph, i) => (
            <Section key={paragraph}>
              <Text>{paragraph}</Text>
              {i === codeAfter && content.code && <Code code={content.code} />}
            </Section>
          ))}
          {codeAfter === -1 && content.code && <Code code={content.code} />}
          {content.action && (
            <Section style={{ margin: "24px 0", textAlign: "center" }}>
              <Button href={content.action.url} style={styles.button}>
                {content.action.label}
              </Button>
            </Section>
          )}
          <Text>{content.signOff}</Text>
          <Hr />
          <Text style={styles.footer}>{content.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

function Code({ code }: { code: string }) {
  return (
    <>
      <Text style={styles.code}>{code}</Text>
      <Img
        src={`cid:${QR_CID}`}
        width="200"
        height="200"
        alt={`QR code de votre code d'inscription ${code}`}
        style={styles.qr}
      />
    </>
  );
}
