import Document, {
  type DocumentContext,
  type DocumentInitialProps,
  Head,
  Html,
  Main,
  NextScript,
} from "next/document";

type Props = DocumentInitialProps & { nonce?: string };

/**
 * The document of the Pages Router, which serves only the buddy page (pages/b/[token].tsx):
 * the same <html> and <body> as app/layout.tsx, so it looks like every other page.
 *
 * A production build sends the buddy page no script at all. `next dev` still sends its
 * runtime, and hides the body until that runtime runs: the scripts carry the nonce the
 * page put in its policy, or the policy blocks them and the page stays blank.
 */
export default class BuddyDocument extends Document<Props> {
  static override async getInitialProps(ctx: DocumentContext): Promise<Props> {
    const initial = await Document.getInitialProps(ctx);
    const nonce = ctx.req?.headers["x-nonce"];
    return { ...initial, nonce: typeof nonce === "string" ? nonce : undefined };
  }

  override render() {
    const { nonce } = this.props;
    return (
      <Html lang="en">
        <Head nonce={nonce} />
        <body className="min-h-dvh font-sans antialiased">
          <Main />
          {/* Writes nothing on a page that turns its runtime off, as the buddy page does. */}
          <NextScript nonce={nonce} />
        </body>
      </Html>
    );
  }
}
